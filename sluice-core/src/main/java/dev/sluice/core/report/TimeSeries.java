package dev.sluice.core.report;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a writer (or a whole job) did over time, in wall-clock buckets of one second or a power of
 * two seconds, each aligned to a multiple of its length since the epoch: buckets of different
 * writers line up, and a coarser bucket is exactly the union of finer ones. Immutable; small enough
 * to travel in a task's commit message (a writer keeps at most {@link Sampler#MAX_BUCKETS}).
 */
public final class TimeSeries implements Serializable {
  private static final long serialVersionUID = 1L;
  static final long FINEST_MILLIS = 1000;

  /** The most buckets a merged series keeps: enough for a chart, small enough for the report. */
  public static final int MAX_MERGED_BUCKETS = 240;

  private static final TimeSeries EMPTY = new TimeSeries(FINEST_MILLIS, new TreeMap<>());

  private final long widthMillis;
  // Bucket start (epoch millis) → values by Measure ordinal; only buckets that saw something.
  private final TreeMap<Long, long[]> buckets;

  private TimeSeries(long widthMillis, TreeMap<Long, long[]> buckets) {
    this.widthMillis = widthMillis;
    this.buckets = buckets;
  }

  public static TimeSeries empty() {
    return EMPTY;
  }

  /** A copy of {@code buckets}, keyed by start, at {@code widthMillis} (a power of two seconds). */
  static TimeSeries of(long widthMillis, Map<Long, long[]> buckets) {
    TreeMap<Long, long[]> copy = new TreeMap<>();
    buckets.forEach((start, values) -> copy.put(start, values.clone()));
    return new TimeSeries(checkWidth(widthMillis), copy);
  }

  /** One series of all, at the coarsest width of any, coarsened further to {@code maxBuckets}. */
  public static TimeSeries merge(Collection<TimeSeries> all, int maxBuckets) {
    long width = FINEST_MILLIS;
    for (TimeSeries s : all) {
      width = Math.max(width, s.widthMillis);
    }
    TreeMap<Long, long[]> merged = new TreeMap<>();
    for (TimeSeries s : all) {
      for (Map.Entry<Long, long[]> b : s.buckets.entrySet()) {
        add(merged, floor(b.getKey(), width), b.getValue());
      }
    }
    return new TimeSeries(width, merged).coarsened(maxBuckets);
  }

  /** This series with buckets doubled in length until first to last spans at most {@code max}. */
  public TimeSeries coarsened(int max) {
    TimeSeries s = this;
    while (s.span() > max) {
      s = s.doubled();
    }
    return s;
  }

  private TimeSeries doubled() {
    long width = widthMillis * 2;
    TreeMap<Long, long[]> coarse = new TreeMap<>();
    buckets.forEach((start, values) -> add(coarse, floor(start, width), values));
    return new TimeSeries(width, coarse);
  }

  /** The start of the bucket of {@code widthMillis} that holds {@code millis}. */
  static long floor(long millis, long widthMillis) {
    return millis - Math.floorMod(millis, widthMillis);
  }

  private static void add(TreeMap<Long, long[]> into, long start, long[] values) {
    mergeInto(into.computeIfAbsent(start, s -> new long[Measure.values().length]), values);
  }

  /** Adds (or for a maximum, raises) {@code into} by {@code values}, measure by measure. */
  static void mergeInto(long[] into, long[] values) {
    for (Measure m : Measure.values()) {
      into[m.ordinal()] = m.merge(into[m.ordinal()], values[m.ordinal()]);
    }
  }

  /** Buckets from the first to the last that saw something. */
  int span() {
    return buckets.isEmpty()
        ? 0
        : (int) ((buckets.lastKey() - buckets.firstKey()) / widthMillis + 1);
  }

  public Duration width() {
    return Duration.ofMillis(widthMillis);
  }

  public boolean isEmpty() {
    return buckets.isEmpty();
  }

  /** The measure over the whole series: the sum, or for a maximum the largest. */
  public long total(Measure measure) {
    long total = 0;
    for (long[] values : buckets.values()) {
      total = measure.merge(total, values[measure.ordinal()]);
    }
    return total;
  }

  /** Every bucket from the first to the last that saw something, quiet ones included as zeros. */
  public List<Bucket> buckets() {
    List<Bucket> out = new ArrayList<>();
    if (buckets.isEmpty()) {
      return out;
    }
    long[] none = new long[Measure.values().length];
    for (long start = buckets.firstKey(); start <= buckets.lastKey(); start += widthMillis) {
      out.add(new Bucket(Instant.ofEpochMilli(start), width(), buckets.getOrDefault(start, none)));
    }
    return out;
  }

  private static long checkWidth(long widthMillis) {
    long seconds = widthMillis / FINEST_MILLIS;
    if (widthMillis % FINEST_MILLIS != 0 || Long.bitCount(seconds) != 1) {
      throw new IllegalArgumentException(
          "a time series bucket is a power of two seconds long, not " + widthMillis + " ms");
    }
    return widthMillis;
  }

  @Override
  public String toString() {
    return "TimeSeries[" + span() + " buckets of " + width() + "]";
  }

  /** One bucket: what happened from {@code start} for {@code width}. */
  public static final class Bucket {
    private final Instant start;
    private final Duration width;
    private final long[] values;

    Bucket(Instant start, Duration width, long[] values) {
      this.start = start;
      this.width = width;
      this.values = values.clone();
    }

    public Instant start() {
      return start;
    }

    public Duration width() {
      return width;
    }

    public long get(Measure measure) {
      return values[measure.ordinal()];
    }
  }
}
