package dev.sluice.bench;

/** One timed load of {@code bin/bench-spark}. */
record SparkLoadRun(
    SparkLoader loader,
    int round,
    long rows,
    long nanos,
    long clientCpuNanos,
    long esCpuNanos,
    long shimCpuNanos) {

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
