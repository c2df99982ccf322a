package dev.sluice.bench;

/**
 * One timed load of {@code bin/bench-sweep}.
 *
 * @param requests bulk requests the writer sent, retries included
 * @param throttled items the writer saw answered 429
 * @param loadAverage the machine's one-minute load average when the load ended
 */
record SweepResult(
    SweepCell cell,
    SweepCondition condition,
    long docs,
    long nanos,
    long requests,
    long throttled,
    double loadAverage) {

  double docsPerSecond() {
    return docs / (nanos / 1e9);
  }
}
