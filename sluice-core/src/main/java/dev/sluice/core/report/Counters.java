package dev.sluice.core.report;

import dev.sluice.core.LoadCounters;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one loader, written by the engine (its {@code LongAdder} fields are incremented
 * where things happen). Thread-safe; {@link #snapshot} gives the immutable {@link LoadCounters}
 * everything else reads.
 */
public final class Counters {
  public final LongAdder read = new LongAdder();
  public final LongAdder created = new LongAdder();
  public final LongAdder updated = new LongAdder();
  public final LongAdder deleted = new LongAdder();
  public final LongAdder alreadyDelivered = new LongAdder();
  public final LongAdder otherSuccess = new LongAdder();
  public final LongAdder retriedItems = new LongAdder();
  public final LongAdder retriedRequests = new LongAdder();
  public final LongAdder throttled = new LongAdder();
  public final LongAdder bytesSent = new LongAdder();
  public final LongAdder possibleDuplicates = new LongAdder();
  public final LongAdder bulkRequests = new LongAdder();
  private final Map<String, LongAdder> deadLetteredByReason = new ConcurrentHashMap<>();
  private final LatencyHistogram latency = new LatencyHistogram();

  /**
   * The result of a {@code create} that Elasticsearch refused with a version conflict on a replay:
   * an earlier attempt delivered it.
   */
  public static final String ALREADY_DELIVERED = "already_delivered";

  /** Counts one success by its Elasticsearch result ("created", "updated", "deleted", ...). */
  public void indexed(String result) {
    switch (result == null ? "" : result) {
      case "created" -> created.increment();
      case "updated" -> updated.increment();
      case "deleted" -> deleted.increment();
      case ALREADY_DELIVERED -> alreadyDelivered.increment();
      default -> otherSuccess.increment(); // noop, not_found
    }
  }

  public void deadLettered(String reason) {
    deadLetteredByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  public long indexedTotal() {
    return created.sum()
        + updated.sum()
        + deleted.sum()
        + alreadyDelivered.sum()
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
  }

  /** What the loader did so far, with the peak bytes held (which the memory budget knows). */
  public LoadCounters snapshot(long peakBytesBuffered) {
    LoadCounters.Builder b =
        LoadCounters.builder()
            .set(Counter.READ, read.sum())
            .set(Counter.INDEXED, indexedTotal())
            .set(Counter.CREATED, created.sum())
            .set(Counter.UPDATED, updated.sum())
            .set(Counter.DELETED, deleted.sum())
            .set(Counter.ALREADY_DELIVERED, alreadyDelivered.sum())
            .set(Counter.DEAD_LETTERED, deadLetteredTotal())
            .set(Counter.RETRIED_ITEMS, retriedItems.sum())
            .set(Counter.RETRIED_REQUESTS, retriedRequests.sum())
            .set(Counter.THROTTLED, throttled.sum())
            .set(Counter.BYTES_SENT, bytesSent.sum())
            .set(Counter.POSSIBLE_DUPLICATES, possibleDuplicates.sum())
            .set(Counter.BULK_REQUESTS, bulkRequests.sum())
            .set(Counter.PEAK_BYTES_BUFFERED, peakBytesBuffered)
            .set(Counter.LATENCY_P50_MILLIS, latency.percentile(50))
            .set(Counter.LATENCY_P90_MILLIS, latency.percentile(90))
            .set(Counter.LATENCY_P99_MILLIS, latency.percentile(99))
            .set(Counter.LATENCY_MAX_MILLIS, latency.max());
    deadLetteredByReason().forEach(b::deadLettered);
    return b.build();
  }
}
