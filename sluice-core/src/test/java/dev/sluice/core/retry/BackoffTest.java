package dev.sluice.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void ceilingDoublesPerRetryUntilTheCap() {
    double almostOne = Math.nextDown(1.0);
    assertThat(backoff.delay(1, almostOne).toMillis()).isEqualTo(99);
    assertThat(backoff.delay(2, almostOne).toMillis()).isEqualTo(199);
    assertThat(backoff.delay(3, almostOne).toMillis()).isEqualTo(399);
    assertThat(backoff.delay(4, almostOne).toMillis()).isEqualTo(799);
    assertThat(backoff.delay(5, almostOne).toMillis()).isEqualTo(999);
    assertThat(backoff.delay(500, almostOne).toMillis()).isEqualTo(999);
  }

  @Test
  void fullJitterScalesTheCappedCeiling() {
    assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(50));
    // Jitter applies after the cap, so waiters at the cap still spread out.
    assertThat(backoff.delay(10, 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(10, 0.25)).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void aLaterRetryNeverWaitsLessForTheSameDraw() {
    for (double draw : new double[] {0.0, 0.3, 0.7, Math.nextDown(1.0)}) {
      Duration previous = Duration.ZERO;
      for (int retry = 1; retry <= 70; retry++) {
        Duration delay = backoff.delay(retry, draw);
        assertThat(delay).as("retry %d, draw %s", retry, draw).isGreaterThanOrEqualTo(previous);
        previous = delay;
      }
    }
  }

  @Test
  void aZeroBaseDelayMeansNoWaitWhateverTheCapAndTheDraw() {
    Backoff none = new Backoff(Duration.ZERO, Duration.ofSeconds(30));
    for (int retry : new int[] {1, 2, 10, 63, 500}) {
      assertThat(none.delay(retry, Math.nextDown(1.0))).isEqualTo(Duration.ZERO);
      assertThat(none.delay(retry, 0.5)).isEqualTo(Duration.ZERO);
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> backoff.delay(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backoff.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
