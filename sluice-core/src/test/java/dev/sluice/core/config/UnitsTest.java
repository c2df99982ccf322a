package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void sizes() {
    assertThat(Units.parseSize("1024")).isEqualTo(1024);
    assertThat(Units.parseSize("512kb")).isEqualTo(512 * 1024);
    assertThat(Units.parseSize("5MB")).isEqualTo(5L << 20);
    assertThat(Units.parseSize("1.5mb")).isEqualTo(3L << 19);
    assertThat(Units.parseSize("2gb")).isEqualTo(2L << 30);
    assertThatThrownBy(() -> Units.parseSize("5 elephants")).hasMessageContaining("unit");
    assertThatThrownBy(() -> Units.parseSize("-1")).hasMessageContaining("expected");
  }

  @Test
  void durations() {
    assertThat(Units.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Units.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Units.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Units.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Units.parseDuration("250")).isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> Units.parseDuration("10 fortnights")).hasMessageContaining("unit");
  }
}
