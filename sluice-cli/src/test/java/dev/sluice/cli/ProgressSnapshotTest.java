package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressSnapshotTest {
  @Test
  void oneLineWithEverythingAndTheTotalWhenKnown() {
    ProgressSnapshot s =
        new ProgressSnapshot(12_000, 100_000, 11_990, 10, 7, 3, 2, 8, Duration.ofSeconds(4));
    assertThat(s.line())
        .isEqualTo(
            "12,000 of 100,000 rows · 3,000 docs/s · partitions 2/8 · retries 7 · 429s 3 ·"
                + " dead letters 10 · 0:04");
  }

  @Test
  void withoutTotalAndBeforeAnyTime() {
    ProgressSnapshot s = new ProgressSnapshot(0, -1, 0, 0, 0, 0, 0, 0, Duration.ZERO);
    assertThat(s.line()).startsWith("0 rows · 0 docs/s · partitions 0/0");
    assertThat(ProgressSnapshot.clock(Duration.ofSeconds(3_723))).isEqualTo("1:02:03");
  }
}
