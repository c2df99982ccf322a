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

  /** The least part of the first backoff an item throttled by a healthy cluster waits. */
  static final double LEAST_WAIT_SCALE = 1.0 / 64;

  /**
   * How much of the first backoff an item throttled in a response that took most of its items
   * waits: the response's throttled share over {@link #MOSTLY_FAILED}, so 1% throttled waits a
   * fiftieth and half throttled the whole of it. A cluster that took 99% of a request is healthy;
   * waiting out the whole first backoff (500 ms by default) for its 1% held the last documents of a
   * load, round after round of re-throttling (10,000, then 100, then 1 at 1%), for about a second
   * with nothing else to send. Fewer than {@link #FEWEST_ITEMS_TO_JUDGE} items count as that many,
   * so the last few documents of a drain, all throttled, wait longer, not less.
   */
  public static double waitScale(int failed, int items) {
    double share = (double) failed / Math.max(items, FEWEST_ITEMS_TO_JUDGE);
    return Math.max(LEAST_WAIT_SCALE, Math.min(1, share / MOSTLY_FAILED));
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
   * <p>An item throttled in a response that took most of its items waits {@code waitScale} of the
   * first backoff, doubling with each retry up to the whole first backoff ({@link #waitScale}): the
   * end of a load retries a healthy cluster's few throttled items soon, while a document throttled
   * again and again (a hot shard that stays hot) comes to wait as long as before.
   *
   * @param failureClass THROTTLED or TRANSIENT
   * @param scope whether the failure hit the item alone or the whole request
   * @param failedShare the share of the response's items that failed ({@link #failedShare}; 1 for a
   *     refused request)
   * @param waitScale {@link #waitScale} of the response, for a throttled item
   * @param transientFailures transient failures so far, this one included
   * @param retries retries so far, before this one
   * @param firstAttempt when the document was first sent
   */
  public Decision decide(
      FailureClass failureClass,
      Scope scope,
      double failedShare,
      double waitScale,
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
    boolean healthy =
        failureClass == FailureClass.THROTTLED
            && scope == Scope.ITEM
            && failedShare < MOSTLY_FAILED;
    boolean flat =
        healthy || (failureClass == FailureClass.THROTTLED && scope == Scope.REQUEST && flowPaces);
    Duration delay = backoff.delay(flat ? 1 : retries + 1, unitRandom);
    double part = Math.scalb(waitScale, Math.min(retries, 64)); // doubles per retry
    if (healthy && part < 1) {
      delay = Duration.ofNanos(Math.round(delay.toNanos() * part));
    }
    Duration spent = Duration.between(firstAttempt, now.plus(delay));
    if (spent.compareTo(budget) > 0) {
      return new Decision(null, "retry budget of " + budget + " used up");
    }
    return new Decision(delay, null);
  }

  /** The same decision for a refused request or a failure other than a throttled item. */
  public Decision decide(
      FailureClass failureClass,
      Scope scope,
      double failedShare,
      int transientFailures,
      int retries,
      Instant firstAttempt,
      Instant now,
      double unitRandom) {
    return decide(
        failureClass,
        scope,
        failedShare,
        1,
        transientFailures,
        retries,
        firstAttempt,
        now,
        unitRandom);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration budget() {
    return budget;
  }
}
