package dev.sluice.core.report;

import java.util.Locale;

/**
 * What a {@link TimeSeries} bucket counts. Sums add up when buckets merge (coarser buckets, or the
 * tasks of one job); maxima take the larger.
 */
public enum Measure {
  /** Documents indexed, merged or dead-lettered in the bucket. */
  SETTLED(false),
  DEAD_LETTERED(false),
  BYTES_SENT(false),
  REQUESTS_SENT(false),
  /** Requests answered (any status), whose latencies the next two measure. */
  RESPONSES(false),
  LATENCY_SUM_MILLIS(false),
  LATENCY_MAX_MILLIS(true),
  /** The most requests one writer had in flight at once. */
  MAX_IN_FLIGHT(true),
  /** Requests in flight integrated over time: divided by the bucket's length, the mean. */
  IN_FLIGHT_MILLIS(false),
  RETRIED_ITEMS(false),
  /** Whole requests refused (429, 5xx, connection faults): each counted once. */
  RETRIED_REQUESTS(false),
  /** 429s, as {@link Counter#THROTTLED} counts them: per refused item or per refused request. */
  THROTTLED(false);

  private final boolean maximum;

  Measure(boolean maximum) {
    this.maximum = maximum;
  }

  /** The bucket field's name in the JSON report. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  long merge(long a, long b) {
    return maximum ? Math.max(a, b) : a + b;
  }
}
