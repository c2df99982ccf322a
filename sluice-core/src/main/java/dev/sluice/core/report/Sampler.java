package dev.sluice.core.report;

import java.time.Clock;
import java.util.TreeMap;

/**
 * Puts a writer's events into wall-clock buckets as they happen ({@link TimeSeries}): one second
 * each at first, twice as long whenever the buckets from first to last would exceed {@link
 * #MAX_BUCKETS}, so a long task still sends a small series. Requests in flight are integrated over
 * time, so a bucket knows their mean as well as their peak. Thread-safe; {@link Counters} feeds it.
 */
final class Sampler {
  /** The most buckets one writer keeps: about 6 KB in a commit message. */
  static final int MAX_BUCKETS = 60;

  private final Clock clock;
  private final int maxBuckets;
  private final TreeMap<Long, long[]> buckets = new TreeMap<>();
  private long width = TimeSeries.FINEST_MILLIS;
  private int inFlight;
  private long inFlightSince;
  // The bucket written last: nearly every event falls into it, and a lookup boxes its key.
  private long lastStart;
  private long[] lastValues;

  Sampler(Clock clock) {
    this(clock, MAX_BUCKETS);
  }

  Sampler(Clock clock, int maxBuckets) {
    this.clock = clock;
    this.maxBuckets = maxBuckets;
  }

  synchronized void count(Measure measure, long amount) {
    add(clock.millis(), measure, amount);
  }

  /** A request got an answer after {@code millis}. */
  synchronized void responded(long millis) {
    long now = clock.millis();
    add(now, Measure.RESPONSES, 1);
    add(now, Measure.LATENCY_SUM_MILLIS, Math.max(0, millis));
    add(now, Measure.LATENCY_MAX_MILLIS, Math.max(0, millis));
  }

  /** A request of {@code bytes} went out; {@code inFlightNow} are in flight with it. */
  synchronized void sent(long bytes, int inFlightNow) {
    long now = clock.millis();
    add(now, Measure.REQUESTS_SENT, 1);
    add(now, Measure.BYTES_SENT, bytes);
    inFlight(now, inFlightNow);
  }

  /** Requests in flight changed to {@code level} (one came back, or all were cancelled). */
  synchronized void inFlight(int level) {
    inFlight(clock.millis(), level);
  }

  /** What was sampled so far; requests still in flight are counted up to now. */
  synchronized TimeSeries series() {
    inFlight(clock.millis(), inFlight);
    return TimeSeries.of(width, buckets);
  }

  private void inFlight(long now, int level) {
    if (inFlight > 0 && now > inFlightSince) {
      room(inFlightSince);
      room(now);
      for (long from = inFlightSince; from < now; ) {
        long start = TimeSeries.floor(from, width);
        long to = Math.min(now, start + width);
        long[] values = bucket(start);
        values[Measure.IN_FLIGHT_MILLIS.ordinal()] += inFlight * (to - from);
        raise(values, inFlight);
        from = to;
      }
    }
    inFlight = level;
    inFlightSince = now;
    if (level > 0) {
      room(now);
      raise(bucket(TimeSeries.floor(now, width)), level);
    }
  }

  private static void raise(long[] values, int level) {
    int max = Measure.MAX_IN_FLIGHT.ordinal();
    values[max] = Math.max(values[max], level);
  }

  private void add(long now, Measure measure, long amount) {
    room(now);
    long[] values = bucket(TimeSeries.floor(now, width));
    values[measure.ordinal()] = measure.merge(values[measure.ordinal()], amount);
  }

  private long[] bucket(long start) {
    if (lastValues == null || start != lastStart) {
      lastValues = buckets.computeIfAbsent(start, s -> new long[Measure.values().length]);
      lastStart = start;
    }
    return lastValues;
  }

  /** Doubles the buckets' length until the bucket of {@code millis} fits with the others. */
  private void room(long millis) {
    while (span(millis) > maxBuckets) {
      width *= 2;
      TreeMap<Long, long[]> finer = new TreeMap<>(buckets);
      buckets.clear();
      lastValues = null;
      finer.forEach(
          (start, values) -> TimeSeries.mergeInto(bucket(TimeSeries.floor(start, width)), values));
    }
  }

  private long span(long millis) {
    long at = TimeSeries.floor(millis, width);
    long first = buckets.isEmpty() ? at : Math.min(buckets.firstKey(), at);
    long last = buckets.isEmpty() ? at : Math.max(buckets.lastKey(), at);
    return (last - first) / width + 1;
  }

  @Override
  public synchronized String toString() {
    return "Sampler[" + buckets.size() + " buckets of " + width + " ms]";
  }
}
