package dev.sluice.core.retry;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether one document may be retried, and when. Throttling does not use up the attempts
 * (the cluster asked us to wait, the document did nothing wrong); it is bounded by the time budget
 * alone. Transient faults use up attempts and the time budget.
 */
public final class RetryPolicy {
  /**
   * A response with at least this share of its items failed is the cluster refusing, not busy: its
   * throttled items back off per document.
   */
  public static final double MOSTLY_FAILED = 0.5;

  /**
   * Fewer items than this say nothing about the cluster: the last few documents of a drain, one of
   * them throttled, made a "mostly failed" response and waited out 6 s alone.
   */
  static final int FEWEST_ITEMS_TO_JUDGE = 16;

  /** The failed share of a response's items, as {@link #decide} weighs it. */
  public static double failedShare(int failed, int items) {
    return items < FEWEST_ITEMS_TO_JUDGE ? 0 : (double) failed / items;
  }

  private final int maxAttempts;
  private final Duration budget;
  private final Backoff backoff;
  private final boolean flowPaces;

  public RetryPolicy(int maxAttempts, Duration budget, Backoff backoff) {
    this(maxAttempts, budget, backoff, false);
  }

  /**
   * @param flowPaces an adaptive flow control cuts the writer on every refused request and spaces
   *     its requests once at its floor: then a refused request's documents wait the first backoff
   *     only ({@link #decide}). Growing each document's wait on top kept the last documents of a
   *     writer waiting 13 s and more, alone, after the rest of its load was in.
   */
  public RetryPolicy(int maxAttempts, Duration budget, Backoff backoff, boolean flowPaces) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    this.maxAttempts = maxAttempts;
    this.budget = budget;
    this.backoff = backoff;
    this.flowPaces = flowPaces;
  }

  /** The answer: retry after {@code delay}, or give up with {@code exhausted} saying why. */
  public record Decision(Duration delay, String exhausted) {
    public boolean retry() {
      return exhausted == null;
    }
  }

  /**
   * The wait grows with the document's retries, except where the flow control slows the writer as a
   * whole: for an item throttled in a response that took most of its items (the flow's soft cut),
   * and, under an adaptive flow, for a refused request (its hard cut, its floor and its gap).
   * Growing each document's wait on top counted the signal twice: the last documents of a load
   * waited out 8 to 16 s, with nothing else left to send. Those documents wait the first backoff,
   * however often they were throttled. Items of a response that took less than half of them (a full
   * write queue) keep growing: the flow does not space requests for those, and flat waits sent the
   * rejected items straight back into the full queue.
   *
   * @param failureClass THROTTLED or TRANSIENT
   * @param scope whether the failure hit the item alone or the whole request
   * @param failedShare the share of the response's items that failed ({@link #failedShare}; 1 for a
   *     refused request)
   * @param transientFailures transient failures so far, this one included
   * @param retries retries so far, before this one
   * @param firstAttempt when the document was first sent
   */
  public Decision decide(
      FailureClass failureClass,
      Scope scope,
      double failedShare,
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
    boolean flat =
        failureClass == FailureClass.THROTTLED
            && (scope == Scope.ITEM ? failedShare < MOSTLY_FAILED : flowPaces);
    Duration delay = backoff.delay(flat ? 1 : retries + 1, unitRandom);
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
