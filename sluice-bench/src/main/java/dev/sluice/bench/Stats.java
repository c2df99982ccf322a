package dev.sluice.bench;

import java.util.Arrays;

/** The few statistics the reports print. */
final class Stats {
  private Stats() {}

  /** NaN when there are no values. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** NaN when there are no values. */
  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  /** NaN when there are no values. */
  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }
}
