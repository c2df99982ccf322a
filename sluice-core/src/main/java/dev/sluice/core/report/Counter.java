package dev.sluice.core.report;

/**
 * Every figure a {@link dev.sluice.core.LoadCounters} snapshot holds, with its name in reports and
 * how two writers' values combine. The one table the report, the Spark metrics and the log lines
 * read, so a new counter is added here once.
 */
public enum Counter {
  /** Documents given to the loader, plus records skipped by the checkpoint. */
  READ("read", "documents read"),
  /** Documents Elasticsearch acknowledged (created + updated + deleted + noop/not found). */
  INDEXED("indexed", "documents indexed"),
  CREATED("created", "documents created"),
  UPDATED("updated", "documents updated"),
  DELETED("deleted", "documents deleted"),
  /**
   * {@code create}s refused with a version conflict on a replay: an earlier attempt delivered them,
   * so they count as indexed too.
   */
  ALREADY_DELIVERED("alreadyDelivered", "documents already delivered (replayed creates)"),
  // --- Identical rows (content-hash ids) ---
  /**
   * Documents whose content-hash id was already in the index, written by an identical row of this
   * load or of an earlier one, so no new document was made: counted apart from {@link #INDEXED}.
   */
  MERGED("merged", "identical rows merged into an existing document"),
  // ---
  DEAD_LETTERED("deadLettered", "documents dead-lettered"),
  /** Records a checkpoint of an earlier run recorded settled; counted in {@link #READ} too. */
  SKIPPED_BY_CHECKPOINT("skippedByCheckpoint", "documents skipped by checkpoint"),
  /** Document re-sends (one document retried twice counts twice). */
  RETRIED_ITEMS("retriedItems", "document retries"),
  RETRIED_REQUESTS("retriedRequests", "bulk requests retried"),
  /** 429 responses plus throttled items. */
  THROTTLED("throttled", "throttled (429)"),
  /** Request body bytes before compression, retries included. */
  BYTES_SENT("bytesSent", "bulk bytes sent"),
  /**
   * Documents with generated ids sent again, after an ambiguous failure or by a replay (a resumed
   * job, a retried task): they may exist twice.
   */
  POSSIBLE_DUPLICATES("possibleDuplicates", "possible duplicates (generated ids)"),
  BULK_REQUESTS("bulkRequests", "bulk requests answered"),
  PEAK_BYTES_BUFFERED("peakBytesBuffered", "peak bytes held", Combine.MAX),
  LATENCY_P50_MILLIS("latencyP50Millis", "bulk latency p50 (ms)", Combine.MAX),
  LATENCY_P90_MILLIS("latencyP90Millis", "bulk latency p90 (ms)", Combine.MAX),
  LATENCY_P99_MILLIS("latencyP99Millis", "bulk latency p99 (ms)", Combine.MAX),
  LATENCY_MAX_MILLIS("latencyMaxMillis", "bulk latency max (ms)", Combine.MAX),

  // --- es.mapping.version (issue 13) ---
  /**
   * Documents sent with an external version the index already held, or held a newer one of (409);
   * counted in {@link #INDEXED} too.
   */
  SUPERSEDED("superseded", "documents superseded (equal or newer external version indexed)"),

  // --- Where writers waited (issue 15) ---
  /**
   * Time the callers of {@code add} were blocked because their writer held its memory cap ({@code
   * sluice.memory.max.bytes}, or the batches its requests in flight allow): the source read faster
   * than the cluster took it, or documents waited on retries. Summed over writers, so a job's value
   * can exceed its wall time.
   */
  WAITED_FOR_MEMORY_MILLIS("waitedForMemoryMillis", "writer time waiting for memory room (ms)"),
  /**
   * Time writers were blocked because a checkpoint's bookkeeping of rows above the watermark was
   * full: an early row still waiting on retries holds the watermark while later rows settle. Summed
   * over writers.
   */
  WAITED_FOR_CHECKPOINT_MILLIS(
      "waitedForCheckpointMillis", "writer time waiting for checkpoint room (ms)");

  /**
   * How a job's total is made from its writers' values. Peaks and percentiles cannot be summed: the
   * job keeps the largest, an upper bound.
   */
  enum Combine {
    SUM,
    MAX
  }

  private final String key;
  private final String description;
  private final Combine combine;

  Counter(String key, String description) {
    this(key, description, Combine.SUM);
  }

  Counter(String key, String description, Combine combine) {
    this.key = key;
    this.description = description;
    this.combine = combine;
  }

  /** The name in the JSON report. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** Two writers' values as one job's. */
  public long combine(long a, long b) {
    return combine == Combine.SUM ? a + b : Math.max(a, b);
  }
}
