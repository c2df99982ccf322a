package dev.sluice.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(
          3, Duration.ofMinutes(1), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));

  @Test
  void transientFaultsUseUpAttempts() {
    assertThat(
            policy.decide(FailureClass.TRANSIENT, Scope.ITEM, 0.1, 1, 0, start, start, 0.5).delay())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(
            policy.decide(FailureClass.TRANSIENT, Scope.ITEM, 0.1, 2, 1, start, start, 0.5).retry())
        .isTrue();
    RetryPolicy.Decision last =
        policy.decide(FailureClass.TRANSIENT, Scope.ITEM, 0.1, 3, 2, start, start, 0.5);
    assertThat(last.retry()).isFalse();
    assertThat(last.exhausted()).contains("3 times");
  }

  @Test
  void throttlingDoesNotUseUpAttemptsButIsBoundedByTime() {
    assertThat(
            policy
                .decide(
                    FailureClass.THROTTLED,
                    Scope.REQUEST,
                    1,
                    0,
                    50,
                    start,
                    start.plusSeconds(30),
                    0.5)
                .retry())
        .isTrue();
    RetryPolicy.Decision late =
        policy.decide(
            FailureClass.THROTTLED, Scope.REQUEST, 1, 0, 50, start, start.plusSeconds(58), 0.5);
    assertThat(late.retry()).isFalse();
    assertThat(late.exhausted()).contains("budget");
  }

  /**
   * An item throttled in a response that took the rest is the writer's business, which the flow
   * control slows as a whole: growing each document's wait too left the last documents of a load
   * waiting out 8 and 16 s with nothing else to send.
   */
  @Test
  void throttledItemsWaitTheFirstBackoffHoweverOftenTheyWereThrottled() {
    for (int retries : new int[] {0, 1, 5, 50}) {
      assertThat(
              policy
                  .decide(FailureClass.THROTTLED, Scope.ITEM, 0.1, 0, retries, start, start, 0.5)
                  .delay())
          .as("retries " + retries)
          .isEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void refusedRequestsAndTransientItemsBackOffExponentially() {
    assertThat(
            policy
                .decide(FailureClass.THROTTLED, Scope.REQUEST, 1, 0, 2, start, start, 0.5)
                .delay())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            policy.decide(FailureClass.TRANSIENT, Scope.ITEM, 0.1, 1, 2, start, start, 0.5).delay())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void underAnAdaptiveFlowRefusedRequestsTooWaitTheFirstBackoff() {
    RetryPolicy paced =
        new RetryPolicy(
            3,
            Duration.ofMinutes(1),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
            true);
    assertThat(
            paced.decide(FailureClass.THROTTLED, Scope.REQUEST, 1, 0, 5, start, start, 0.5).delay())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(paced.decide(FailureClass.THROTTLED, Scope.ITEM, 1, 0, 2, start, start, 0.5).delay())
        .as("items of a mostly rejected response (a full write queue) still grow")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            paced.decide(FailureClass.TRANSIENT, Scope.REQUEST, 1, 1, 2, start, start, 0.5).delay())
        .as("a 503 or a reset still backs off per document")
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void itemsOfAMostlyRejectedResponseBackOffExponentially() {
    assertThat(
            policy.decide(FailureClass.THROTTLED, Scope.ITEM, 0.5, 0, 2, start, start, 0.5).delay())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            policy
                .decide(FailureClass.THROTTLED, Scope.ITEM, 0.49, 0, 2, start, start, 0.5)
                .delay())
        .isEqualTo(Duration.ofMillis(500));
  }

  /**
   * A healthy cluster's throttled items (most of the request went through) wait in proportion to
   * the share; each retry doubles that, up to the first backoff, never past it.
   */
  @Test
  void aSmallThrottledShareWaitsItsPartOfTheFirstBackoffGrowingPerRetryUpToIt() {
    double onePercent = RetryPolicy.waitScale(1, 100);
    long[] expectedMillis = {10, 20, 40, 80, 160, 320, 500, 500};
    for (int retries = 0; retries < expectedMillis.length; retries++) {
      assertThat(
              policy
                  .decide(
                      FailureClass.THROTTLED,
                      Scope.ITEM,
                      0.01,
                      onePercent,
                      0,
                      retries,
                      start,
                      start,
                      0.5)
                  .delay())
          .as("retries " + retries)
          .isEqualTo(Duration.ofMillis(expectedMillis[retries]));
    }
  }

  @Test
  void theScaleDoesNotShortenRefusalsMostlyRejectedResponsesOrTransientFaults() {
    assertThat(
            policy
                .decide(FailureClass.THROTTLED, Scope.REQUEST, 1, 0.02, 0, 2, start, start, 0.5)
                .delay())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            policy
                .decide(FailureClass.THROTTLED, Scope.ITEM, 0.5, 0.02, 0, 0, start, start, 0.5)
                .delay())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(
            policy
                .decide(FailureClass.TRANSIENT, Scope.ITEM, 0.01, 0.02, 1, 0, start, start, 0.5)
                .delay())
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void theWaitScaleIsTheThrottledShareOverHalfWithFewItemsCountedAsSixteen() {
    record Row(int failed, int items, double scale) {}
    List<Row> rows =
        List.of(
            new Row(1, 100, 0.02),
            new Row(10, 100, 0.2),
            new Row(40, 100, 0.8),
            new Row(50, 100, 1),
            new Row(100, 100, 1),
            new Row(1, 1, 0.125),
            new Row(4, 4, 0.5),
            new Row(8, 8, 1),
            new Row(1, 100_000, RetryPolicy.LEAST_WAIT_SCALE),
            new Row(0, 10, RetryPolicy.LEAST_WAIT_SCALE));
    for (Row row : rows) {
      assertThat(RetryPolicy.waitScale(row.failed(), row.items()))
          .as(row.failed() + " of " + row.items())
          .isCloseTo(row.scale(), within(1e-9));
    }
  }

  @Test
  void aHandfulOfItemsIsNoEvidenceOfARefusal() {
    assertThat(RetryPolicy.failedShare(1, 1)).isZero();
    assertThat(RetryPolicy.failedShare(15, 15)).isZero();
    assertThat(RetryPolicy.failedShare(8, 16)).isEqualTo(0.5);
  }
}
