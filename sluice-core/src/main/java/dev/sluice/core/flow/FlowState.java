package dev.sluice.core.flow;

/**
 * Everything the flow control knows, as one value: what it allows now and what it learned.
 *
 * @param bytes batch bytes allowed now
 * @param concurrency requests allowed in flight now
 * @param floor the fewest batch bytes it cuts to now; adapts between the configured minimum and a
 *     sixteenth of it
 * @param alpha moving average of the throttled share of responses (DCTCP's alpha)
 * @param baseNanos moving average of this writer's latency, 0 before the first answer
 * @param baseBytes moving average of the request bytes behind {@code baseNanos}
 * @param healthyStreak responses in a row without throttling since concurrency last moved
 * @param epoch counts the cuts; a response to a request sent before the last one cannot cut
 * @param slowStart doubling until the first sign of congestion, as TCP's slow start
 * @param gapNanos the least time between the starts of two requests: once one request of the
 *     smallest batch is still too much (many writers on a small node), the writer spaces requests
 */
record FlowState(
    long bytes,
    int concurrency,
    long floor,
    double alpha,
    long baseNanos,
    long baseBytes,
    int healthyStreak,
    long epoch,
    boolean slowStart,
    long gapNanos) {

  FlowState withMeasures(double newAlpha, long newBaseNanos, long newBaseBytes) {
    return new FlowState(
        bytes,
        concurrency,
        floor,
        newAlpha,
        newBaseNanos,
        newBaseBytes,
        healthyStreak,
        epoch,
        slowStart,
        gapNanos);
  }

  FlowState withWindow(long newBytes, int newConcurrency, long newFloor, int streak, long gap) {
    return new FlowState(
        newBytes,
        newConcurrency,
        newFloor,
        alpha,
        baseNanos,
        baseBytes,
        streak,
        epoch,
        slowStart,
        gap);
  }

  /** A cut: the epoch moves on and slow start ends. */
  FlowState cut(long newBytes, int newConcurrency, long newFloor, long gap) {
    return new FlowState(
        newBytes, newConcurrency, newFloor, alpha, baseNanos, baseBytes, 0, epoch + 1, false, gap);
  }
}
