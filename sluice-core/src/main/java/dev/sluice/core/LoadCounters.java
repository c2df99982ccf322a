package dev.sluice.core;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot of what a loader did.
 *
 * @param read documents given to {@code add()}
 * @param indexed documents Elasticsearch acknowledged (created + updated + deleted + noop/not
 *     found)
 * @param alreadyDelivered {@code create} operations Elasticsearch answered with a version conflict
 *     (409) on a replay: an earlier attempt of this load had delivered the document already, so it
 *     counts as indexed (and in {@code indexed}), not as a failure
 * @param deadLettered documents written to the dead-letter store
 * @param deadLetteredByReason dead letters per error type
 * @param skippedByCheckpoint records not sent because a checkpoint of an earlier run of the same
 *     job recorded them settled (counted in {@code read} too)
 * @param retriedItems document re-sends (one document retried twice counts twice)
 * @param retriedRequests whole bulk requests that failed and were retried
 * @param throttled throttling signals received (429 responses plus throttled items)
 * @param bytesSent request body bytes before compression, retries included
 * @param possibleDuplicates documents with generated ids re-sent after an ambiguous failure (the
 *     cluster may have applied the first attempt, so they may now exist twice)
 * @param bulkRequests bulk requests that got a response
 * @param peakBytesBuffered highest bytes held at once (buffered + awaiting retry + in flight)
 */
public record LoadCounters(
    long read,
    long indexed,
    long created,
    long updated,
    long deleted,
    long alreadyDelivered,
    long deadLettered,
    Map<String, Long> deadLetteredByReason,
    long skippedByCheckpoint,
    long retriedItems,
    long retriedRequests,
    long throttled,
    long bytesSent,
    long possibleDuplicates,
    long bulkRequests,
    long peakBytesBuffered,
    long latencyP50Millis,
    long latencyP90Millis,
    long latencyP99Millis,
    long latencyMaxMillis)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public LoadCounters {
    deadLetteredByReason = Map.copyOf(deadLetteredByReason);
  }

  /** All zero: the start of a sum. */
  public static LoadCounters empty() {
    return new LoadCounters(0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * The sum of two writers' counters (a job's total). Peaks and latency percentiles cannot be
   * summed: the result keeps the larger of each, an upper bound for the job.
   */
  public LoadCounters plus(LoadCounters other) {
    Map<String, Long> reasons = new HashMap<>(deadLetteredByReason);
    other.deadLetteredByReason.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
    return new LoadCounters(
        read + other.read,
        indexed + other.indexed,
        created + other.created,
        updated + other.updated,
        deleted + other.deleted,
        alreadyDelivered + other.alreadyDelivered,
        deadLettered + other.deadLettered,
        reasons,
        skippedByCheckpoint + other.skippedByCheckpoint,
        retriedItems + other.retriedItems,
        retriedRequests + other.retriedRequests,
        throttled + other.throttled,
        bytesSent + other.bytesSent,
        possibleDuplicates + other.possibleDuplicates,
        bulkRequests + other.bulkRequests,
        Math.max(peakBytesBuffered, other.peakBytesBuffered),
        Math.max(latencyP50Millis, other.latencyP50Millis),
        Math.max(latencyP90Millis, other.latencyP90Millis),
        Math.max(latencyP99Millis, other.latencyP99Millis),
        Math.max(latencyMaxMillis, other.latencyMaxMillis));
  }

  /**
   * The same counters, with {@code rows} more records read and skipped because a checkpoint
   * recorded them settled.
   */
  public LoadCounters withSkipped(long rows) {
    return new LoadCounters(
        read + rows,
        indexed,
        created,
        updated,
        deleted,
        alreadyDelivered,
        deadLettered,
        deadLetteredByReason,
        skippedByCheckpoint + rows,
        retriedItems,
        retriedRequests,
        throttled,
        bytesSent,
        possibleDuplicates,
        bulkRequests,
        peakBytesBuffered,
        latencyP50Millis,
        latencyP90Millis,
        latencyP99Millis,
        latencyMaxMillis);
  }

  /** True when every record read was indexed, dead-lettered or skipped by the checkpoint. */
  public boolean reconciles() {
    return read == indexed + deadLettered + skippedByCheckpoint;
  }
}
