package dev.sluice.bench;

/**
 * One timed load of {@code bin/bench-spark}.
 *
 * @param gcNanos this JVM's time in collector pauses during the write (part of its CPU)
 * @param jitNanos this JVM's time compiling during the write (part of its CPU): a load that still
 *     compiles its hot code was not warmed up enough
 */
record SparkLoadRun(
    SparkLoader loader,
    int round,
    long rows,
    long nanos,
    long clientCpuNanos,
    long esCpuNanos,
    long shimCpuNanos,
    long gcNanos,
    long jitNanos) {

  double seconds() {
    return nanos / 1e9;
  }

  double docsPerSecond() {
    return rows / seconds();
  }

  /** CPU seconds per million documents. */
  static double perMillion(long cpuNanos, long rows) {
    return cpuNanos / 1e9 / rows * 1e6;
  }

  double clientCpuPerMillion() {
    return perMillion(clientCpuNanos, rows);
  }

  double esCpuPerMillion() {
    return perMillion(esCpuNanos, rows);
  }
}
