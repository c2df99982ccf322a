package dev.sluice.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(
          3, Duration.ofMinutes(1), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));

  @Test
  void transientFaultsUseUpAttempts() {
    assertThat(policy.decide(FailureClass.TRANSIENT, 1, 0, start, start, 0.5).delay())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(policy.decide(FailureClass.TRANSIENT, 2, 1, start, start, 0.5).retry()).isTrue();
    RetryPolicy.Decision last = policy.decide(FailureClass.TRANSIENT, 3, 2, start, start, 0.5);
    assertThat(last.retry()).isFalse();
    assertThat(last.exhausted()).contains("3 times");
  }

  @Test
  void throttlingDoesNotUseUpAttemptsButIsBoundedByTime() {
    assertThat(
            policy.decide(FailureClass.THROTTLED, 0, 50, start, start.plusSeconds(30), 0.5).retry())
        .isTrue();
    RetryPolicy.Decision late =
        policy.decide(FailureClass.THROTTLED, 0, 50, start, start.plusSeconds(58), 0.5);
    assertThat(late.retry()).isFalse();
    assertThat(late.exhausted()).contains("budget");
  }
}
