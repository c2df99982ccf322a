package dev.sluice.core.flow;

import java.time.Duration;

/**
 * The flow control's decision, a pure function from what it knows and one response to what it knows
 * next. DCTCP's rule, for DCTCP's reason: a cluster rejecting 1% of the items of a request (a hot
 * shard, a merge) is not one that wants half the load, so the cut is in proportion to the throttled
 * share, smoothed over responses: {@code alpha += g (share - alpha)}, and a response with throttled
 * items scales batch bytes by {@code 1 - alpha / 2}. A refused request (429, 503, a reset), a
 * response mostly throttled, or a latency well above what this writer has seen, halves batch bytes
 * and concurrency: those say the cluster is overloaded now. Each response grows batch bytes back in
 * proportion to the share that went through, so a steady small share finds a balance instead of
 * sinking to the floor. A cut counts once: responses to requests sent before it cannot cut again.
 *
 * @param minBytes the configured floor; under refusals at that floor it halves, down to a
 *     sixteenth, and comes back as batches grow again (with many writers the configured floor alone
 *     can exceed what the cluster holds)
 * @param maxBytes batch bytes are never above this
 * @param maxConcurrency requests in flight are never more than this
 * @param latencyTarget a latency above this is slow whatever this writer has seen
 */
record FlowRule(long minBytes, long maxBytes, int maxConcurrency, Duration latencyTarget) {
  /** DCTCP's g: how fast alpha follows the throttled share. */
  static final double GAIN = 1.0 / 16;

  /** How fast the latency baseline follows the latencies seen. */
  static final double BASELINE_GAIN = 1.0 / 8;

  /**
   * A share up to this is a busy, healthy cluster (a hot shard, a merge): it neither ends slow
   * start nor holds back concurrency. Above it the cluster says it is full: growing concurrency
   * through a third of the items rejected sent 4 requests at a write queue of 2.
   */
  static final double BUSY_SHARE = 1.0 / 8;

  /** A response with at least this share throttled is a refusal in all but name. */
  static final double HARD_SHARE = 0.5;

  /** Slow: this many times the latency expected for the request's bytes, ... */
  static final double SLOW_FACTOR = 4;

  /** ... and at least this much above it (a local node answers in milliseconds; noise is not). */
  static final Duration SLOW_SLACK = Duration.ofMillis(500);

  /** Healthy responses needed before one more request may be in flight. */
  static final int HEALTHY_RESPONSES_PER_EXTRA_REQUEST = 4;

  /** The adaptive floor goes down to the configured one divided by this. */
  static final int FLOOR_DIVISOR = 16;

  /** The first gap between requests, once one smallest request is too much; doubles from there. */
  static final Duration FIRST_GAP = Duration.ofMillis(50);

  /** The longest gap between requests. */
  static final Duration MAX_GAP = Duration.ofSeconds(2);

  /** A job's first batch is the maximum divided by this; later writers share it. */
  static final int START_DIVISOR = 4;

  FlowRule {
    if (minBytes < 1 || minBytes > maxBytes || maxConcurrency < 1) {
      throw new IllegalArgumentException("need 1 <= minBytes <= maxBytes and maxConcurrency >= 1");
    }
  }

  /**
   * Where a job's first writer starts: a moderate share of the maximum, one request in flight,
   * doubling from there while healthy (TCP's slow start). Writers joining later share it and take
   * turns for its requests, so writers starting together do not all open at the maximum.
   */
  FlowState start() {
    return new FlowState(
        clamp(maxBytes / START_DIVISOR, minBytes), 1, minBytes, 0, 0, 0, 0, 0, true, 0);
  }

  /**
   * One response to the job (its writers take turns for its requests, so it answers as one writer
   * would). A cut counts once, by the epoch.
   */
  FlowState next(FlowState s, FlowSignal signal) {
    double share = signal.requestFailed() ? 1 : signal.throttledShare();
    boolean hard = signal.requestFailed() || share >= HARD_SHARE || slow(s, signal);
    FlowState measured = measure(s, signal, share);
    if (signal.sentEpoch() < s.epoch()) {
      // Sent before the last cut: says nothing against the current values, only for them.
      return hard ? measured : grow(measured, share);
    }
    if (hard) {
      return halve(measured, signal.requestFailed());
    }
    if (share > BUSY_SHARE || (share > 0 && !s.slowStart())) {
      return grow(scale(measured, 1 - measured.alpha() / 2), share);
    }
    return grow(measured, share);
  }

  private boolean slow(FlowState s, FlowSignal signal) {
    long nanos = signal.latency().toNanos();
    if (signal.latency().compareTo(latencyTarget) > 0) {
      return true;
    }
    if (s.baseNanos() == 0) {
      return false;
    }
    // Latency grows with the bytes of a request: expect the baseline scaled by them.
    double expected = s.baseNanos() * Math.max(1.0, (double) signal.bytes() / s.baseBytes());
    return nanos > SLOW_FACTOR * expected && nanos - expected > SLOW_SLACK.toNanos();
  }

  private static FlowState measure(FlowState s, FlowSignal signal, double share) {
    double alpha = s.alpha() + GAIN * (share - s.alpha());
    if (signal.requestFailed()) {
      return s.withMeasures(alpha, s.baseNanos(), s.baseBytes()); // a refusal is fast: no latency
    }
    long nanos = Math.max(1, signal.latency().toNanos());
    long bytes = Math.max(1, signal.bytes());
    if (s.baseNanos() == 0) {
      return s.withMeasures(alpha, nanos, bytes);
    }
    return s.withMeasures(
        alpha,
        s.baseNanos() + Math.round(BASELINE_GAIN * (nanos - s.baseNanos())),
        s.baseBytes() + Math.round(BASELINE_GAIN * (bytes - s.baseBytes())));
  }

  /**
   * Halves both. When a whole request was refused at the floor already, the floor halves too (down
   * to its own minimum), and with one request in flight the gap between requests doubles: the
   * writer has no smaller step left. Whole refusals are what too many bytes at once earn (indexing
   * pressure); rejected items (a full write queue) and slowness move neither: with batches cut by
   * document count, smaller byte floors and gaps only slowed a tiny-queue node's writers down.
   */
  private FlowState halve(FlowState s, boolean wholeRefusal) {
    boolean atFloor = wholeRefusal && s.bytes() <= s.floor();
    long floor = atFloor ? Math.max(lowestFloor(), s.floor() / 2) : s.floor();
    long gap =
        atFloor && s.concurrency() == 1
            ? Math.min(MAX_GAP.toNanos(), Math.max(FIRST_GAP.toNanos(), 2 * s.gapNanos()))
            : s.gapNanos();
    return s.cut(Math.max(floor, s.bytes() / 2), Math.max(1, s.concurrency() / 2), floor, gap);
  }

  /**
   * A soft cut. It lowers concurrency only once the rounded product drops; until then the healthy
   * streak goes on, or a steady 1% share, cutting every response by a hair, kept one request in
   * flight for the whole load.
   */
  private FlowState scale(FlowState s, double factor) {
    long bytes = Math.max(s.floor(), Math.round(s.bytes() * factor));
    int concurrency = (int) Math.max(1, Math.round(s.concurrency() * factor));
    FlowState cut = s.cut(bytes, concurrency, s.floor(), s.gapNanos());
    return concurrency < s.concurrency()
        ? cut
        : cut.withWindow(bytes, concurrency, cut.floor(), s.healthyStreak(), cut.gapNanos());
  }

  /**
   * Slow start multiplies by 2 minus the throttled share (doubling what went through): a few items
   * throttled by a busy, healthy cluster do not end it, since ending it at the first response left
   * a short load at a quarter of the maximum. After it, each response adds a sixteenth of the
   * maximum times the share that went through. Concurrency grows by one per few responses with at
   * most {@link #BUSY_SHARE} throttled that did not cut it (one per response in slow start); a
   * response without throttled items halves the gap between requests. The floor comes back up as
   * batches grow to four times it.
   */
  private FlowState grow(FlowState s, double share) {
    long bytes =
        s.slowStart()
            ? Math.min(maxBytes, Math.round(s.bytes() * (2 - share)))
            : Math.min(maxBytes, s.bytes() + Math.round(step() * (1 - share)));
    long floor = Math.min(minBytes, Math.max(s.floor(), bytes / 4));
    long gap = s.gapNanos();
    if (share == 0) {
      long halved = Math.round(gap * 0.5);
      gap = halved < FIRST_GAP.toNanos() ? 0 : halved;
    }
    int streak = share > BUSY_SHARE ? 0 : s.healthyStreak() + 1;
    int needed = s.slowStart() ? 1 : HEALTHY_RESPONSES_PER_EXTRA_REQUEST;
    if (gap == 0 && streak >= needed) {
      return s.withWindow(bytes, Math.min(maxConcurrency, s.concurrency() + 1), floor, 0, gap);
    }
    return s.withWindow(bytes, s.concurrency(), floor, streak, gap);
  }

  private long step() {
    return Math.max(1, maxBytes / 16);
  }

  private long lowestFloor() {
    return Math.max(1, minBytes / FLOOR_DIVISOR);
  }

  private long clamp(long bytes, long floor) {
    return Math.max(floor, Math.min(maxBytes, bytes));
  }
}
