package dev.sluice.core.retry;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether one document may be retried, and when. Throttling does not use up the attempts
 * (the cluster asked us to wait, the document did nothing wrong); it is bounded by the time budget
 * alone. Transient faults use up attempts and the time budget.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration budget;
  private final Backoff backoff;

  public RetryPolicy(int maxAttempts, Duration budget, Backoff backoff) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    this.maxAttempts = maxAttempts;
    this.budget = budget;
    this.backoff = backoff;
  }

  /** The answer: retry after {@code delay}, or give up with {@code exhausted} saying why. */
  public record Decision(Duration delay, String exhausted) {
    public boolean retry() {
      return exhausted == null;
    }
  }

  /**
   * @param failureClass THROTTLED or TRANSIENT
   * @param transientFailures transient failures so far, this one included
   * @param retries retries so far, before this one
   * @param firstAttempt when the document was first sent
   */
  public Decision decide(
      FailureClass failureClass,
      int transientFailures,
      int retries,
      Instant firstAttempt,
      Instant now,
      double unitRandom) {
    if (!failureClass.retryable()) {
      throw new IllegalArgumentException(failureClass + " is not retryable");
    }
    if (failureClass == FailureClass.TRANSIENT && transientFailures >= maxAttempts) {
      return new Decision(null, "failed " + transientFailures + " times");
    }
    Duration delay = backoff.delay(retries + 1, unitRandom);
    Duration spent = Duration.between(firstAttempt, now.plus(delay));
    if (spent.compareTo(budget) > 0) {
      return new Decision(null, "retry budget of " + budget + " used up");
    }
    return new Decision(delay, null);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration budget() {
    return budget;
  }
}
