package dev.sluice.core.report;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.deadletter.DeadLetterRecord;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one loader, written by the engine where things happen ({@link #increment},
 * {@link #add}, {@link #indexed}, {@link #deadLettered}). Thread-safe; {@link #snapshot} gives the
 * immutable {@link LoadCounters} everything else reads. Also keeps what happened over time ({@link
 * #series}) and a few dead letters of each reason ({@link #deadLetterSamples}).
 */
public final class Counters {
  /** What the engine counts as it goes; the rest of the table is derived in {@link #snapshot}. */
  private static final List<Counter> COUNTED =
      List.of(
          Counter.READ,
          Counter.CREATED,
          Counter.UPDATED,
          Counter.DELETED,
          Counter.ALREADY_DELIVERED,
          Counter.MERGED,
          Counter.RETRIED_ITEMS,
          Counter.RETRIED_REQUESTS,
          Counter.THROTTLED,
          Counter.BYTES_SENT,
          Counter.POSSIBLE_DUPLICATES,
          Counter.BULK_REQUESTS,
          Counter.SUPERSEDED);

  private final Map<Counter, LongAdder> counted = new EnumMap<>(Counter.class);
  // Waits are added in nanoseconds and reported in milliseconds: most last a few milliseconds, and
  // rounding each one down would lose much of their sum.
  private final Map<Counter, LongAdder> waitedNanos = new EnumMap<>(Counter.class);
  private final LongAdder otherSuccess = new LongAdder(); // noop, not_found: indexed, no counter
  private final Map<String, LongAdder> deadLetteredByReason = new ConcurrentHashMap<>();
  private final LatencyHistogram latency = new LatencyHistogram();
  // Per target index (es.resource patterns write many): [indexed, dead-lettered].
  private final Map<String, LongAdder[]> byIndex = new ConcurrentHashMap<>();
  private final Sampler sampler;
  private final DeadLetterSamples.Collector samples = new DeadLetterSamples.Collector();

  /**
   * The result of a {@code create} that Elasticsearch refused with a version conflict on a replay:
   * an earlier attempt delivered it.
   */
  public static final String ALREADY_DELIVERED = "already_delivered";

  /** The result of a document whose external version the index already held, or a newer one. */
  public static final String SUPERSEDED = "superseded";

  public Counters() {
    this(Clock.systemUTC());
  }

  /** With the clock that dates what happens, for the {@link #series}. */
  public Counters(Clock clock) {
    this.sampler = new Sampler(clock);
    for (Counter c : COUNTED) {
      counted.put(c, new LongAdder());
    }
    waitedNanos.put(Counter.WAITED_FOR_MEMORY_MILLIS, new LongAdder());
    waitedNanos.put(Counter.WAITED_FOR_CHECKPOINT_MILLIS, new LongAdder());
  }

  /**
   * A writer waited {@code nanos} for {@code room} ({@link Counter#WAITED_FOR_MEMORY_MILLIS} or
   * {@link Counter#WAITED_FOR_CHECKPOINT_MILLIS}).
   */
  public void waited(Counter room, long nanos) {
    LongAdder adder = waitedNanos.get(room);
    if (adder == null) {
      throw new IllegalArgumentException(room + " is not a wait");
    }
    adder.add(Math.max(0, nanos));
  }

  public void increment(Counter counter) {
    add(counter, 1);
  }

  public void add(Counter counter, long amount) {
    adder(counter).add(amount);
    Measure measure =
        switch (counter) {
          case MERGED -> Measure.SETTLED;
          case RETRIED_ITEMS -> Measure.RETRIED_ITEMS;
          case RETRIED_REQUESTS -> Measure.RETRIED_REQUESTS;
          case THROTTLED -> Measure.THROTTLED;
          default -> null; // the rest is not drawn over time, or is sampled where it happens
        };
    if (measure != null) {
      sampler.count(measure, amount);
    }
  }

  /** A bulk request of {@code bytes} was sent; {@code inFlight} are in flight with it. */
  public void requestSent(long bytes, int inFlight) {
    adder(Counter.BYTES_SENT).add(bytes);
    sampler.sent(bytes, inFlight);
  }

  /** Requests in flight went down to {@code inFlight} (answered or cancelled). */
  public void inFlight(int inFlight) {
    sampler.inFlight(inFlight);
  }

  private LongAdder adder(Counter counter) {
    LongAdder adder = counted.get(counter);
    if (adder == null) {
      throw new IllegalArgumentException(counter + " is derived, not counted");
    }
    return adder;
  }

  private long sum(Counter counter) {
    return counted.get(counter).sum();
  }

  /** Counts one success by its Elasticsearch result ("created", "updated", "deleted", ...). */
  public void indexed(String result) {
    indexed(result, null, 1);
  }

  /**
   * As {@link #indexed(String, String)} for {@code count} documents at once: a response's run of
   * alike items costs one count, not one per document.
   */
  public void indexed(String result, String index, long count) {
    switch (result == null ? "" : result) {
      case "created" -> add(Counter.CREATED, count);
      case "updated" -> add(Counter.UPDATED, count);
      case "deleted" -> add(Counter.DELETED, count);
      case ALREADY_DELIVERED -> add(Counter.ALREADY_DELIVERED, count);
      case SUPERSEDED -> add(Counter.SUPERSEDED, count);
      default -> otherSuccess.add(count);
    }
    sampler.count(Measure.SETTLED, count);
    tally(index, 0, count);
  }

  public void deadLettered(String reason) {
    deadLetteredByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    sampler.count(Measure.SETTLED, 1);
    sampler.count(Measure.DEAD_LETTERED, 1);
  }

  /** As {@link #deadLettered(String, String)}, keeping the record as a sample of its reason. */
  public void deadLettered(DeadLetterRecord record) {
    deadLettered(record.errorType(), record.index());
    samples.offer(record.errorType(), record);
  }

  /** As {@link #indexed(String)}, also counted for {@code index} (null: no index to count). */
  public void indexed(String result, String index) {
    indexed(result, index, 1);
  }

  /** As {@link #deadLettered(String)}, also counted for {@code index} (null: none known). */
  public void deadLettered(String reason, String index) {
    deadLettered(reason);
    tally(index, 1, 1);
  }

  private void tally(String index, int which, long count) {
    if (index != null) {
      byIndex.computeIfAbsent(index, i -> new LongAdder[] {new LongAdder(), new LongAdder()})[which]
          .add(count);
    }
  }

  public long indexedTotal() {
    return sum(Counter.CREATED)
        + sum(Counter.UPDATED)
        + sum(Counter.DELETED)
        + sum(Counter.ALREADY_DELIVERED)
        + sum(Counter.SUPERSEDED)
        + otherSuccess.sum();
  }

  public long deadLetteredTotal() {
    return deadLetteredByReason.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public Map<String, Long> deadLetteredByReason() {
    Map<String, Long> copy = new TreeMap<>();
    deadLetteredByReason.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public void latency(long millis) {
    latency.record(millis);
    sampler.responded(millis);
  }

  /** What happened over time so far. */
  public TimeSeries series() {
    return sampler.series();
  }

  /** The first dead letters of each reason so far. */
  public DeadLetterSamples deadLetterSamples() {
    return samples.snapshot();
  }

  /** What the loader did so far, with the peak bytes held (which the memory budget knows). */
  public LoadCounters snapshot(long peakBytesBuffered) {
    LoadCounters.Builder b = LoadCounters.builder();
    counted.forEach((counter, adder) -> b.set(counter, adder.sum()));
    waitedNanos.forEach((counter, adder) -> b.set(counter, adder.sum() / 1_000_000));
    b.set(Counter.INDEXED, indexedTotal())
        .set(Counter.DEAD_LETTERED, deadLetteredTotal())
        .set(Counter.PEAK_BYTES_BUFFERED, peakBytesBuffered)
        .set(Counter.LATENCY_P50_MILLIS, latency.percentile(50))
        .set(Counter.LATENCY_P90_MILLIS, latency.percentile(90))
        .set(Counter.LATENCY_P99_MILLIS, latency.percentile(99))
        .set(Counter.LATENCY_MAX_MILLIS, latency.max());
    deadLetteredByReason().forEach(b::deadLettered);
    Map<String, IndexCounts> perIndex = new TreeMap<>();
    byIndex.forEach((index, n) -> perIndex.put(index, new IndexCounts(n[0].sum(), n[1].sum())));
    b.byIndex(new PerIndexCounts(perIndex));
    return b.build();
  }
}
