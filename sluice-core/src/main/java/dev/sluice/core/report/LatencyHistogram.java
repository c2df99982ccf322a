package dev.sluice.core.report;

/**
 * Bulk latencies in milliseconds, in buckets that grow by 10% each, so a percentile is within 10%
 * of the truth whatever the range; the maximum is exact. Thread-safe.
 */
public final class LatencyHistogram {
  private static final double GROWTH = 1.1;
  private static final int BUCKETS = 200; // 1.1^200 ms is far beyond any timeout
  private static final long[] UPPER_BOUNDS = upperBounds();

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;

  public synchronized void record(long millis) {
    long value = Math.max(0, millis);
    counts[bucket(value)]++;
    total++;
    max = Math.max(max, value);
  }

  /**
   * The smallest bucket bound at or above the given share of recorded values; 0 when empty.
   *
   * @param percentile in (0, 100]
   */
  public synchronized long percentile(double percentile) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percentile / 100.0 * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(UPPER_BOUNDS[i], max);
      }
    }
    return max;
  }

  public synchronized long max() {
    return max;
  }

  public synchronized long count() {
    return total;
  }

  private static int bucket(long value) {
    for (int i = 0; i < BUCKETS; i++) {
      if (value <= UPPER_BOUNDS[i]) {
        return i;
      }
    }
    return BUCKETS - 1;
  }

  private static long[] upperBounds() {
    long[] bounds = new long[BUCKETS];
    double bound = 1;
    for (int i = 0; i < BUCKETS; i++) {
      bounds[i] = (long) Math.ceil(bound);
      if (i > 0 && bounds[i] <= bounds[i - 1]) {
        bounds[i] = bounds[i - 1] + 1;
      }
      bound *= GROWTH;
    }
    return bounds;
  }
}
