package dev.sluice.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SleeperTest {
  @Test
  void anInterruptedSleepRestoresTheFlag() {
    Sleeper interrupted =
        d -> {
          throw new InterruptedException();
        };
    try {
      assertThat(interrupted.sleepRestoringInterrupt(Duration.ofSeconds(1))).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted(); // leave the test thread clean
    }
  }

  @Test
  void aNormalSleepReportsSuccess() {
    List<Duration> slept = new ArrayList<>();
    Sleeper recording = slept::add;
    assertThat(recording.sleepRestoringInterrupt(Duration.ofMillis(5))).isTrue();
    assertThat(slept).containsExactly(Duration.ofMillis(5));
  }
}
