package dev.sluice.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.PerIndexCounts;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable snapshot of what a loader (or a whole job) did: one value per {@link Counter}, and
 * the dead letters per reason. The engine's progress, a task's commit message, the Spark metrics,
 * the JSON report and the log lines all read this one type. Made with {@link #builder()}, {@link
 * #plus} and {@link #withSkipped}; in JSON it is an object of {@link Counter#key()}s plus {@code
 * deadLetteredByReason}.
 */
public final class LoadCounters implements Serializable {
  private static final long serialVersionUID = 3L;
  private static final Counter[] ALL = Counter.values();
  private static final String BY_REASON = "deadLetteredByReason";
  private static final String BY_INDEX = "byIndex";
  private static final LoadCounters EMPTY = builder().build();

  private final long[] values;
  private final TreeMap<String, Long> deadLetteredByReason;
  private final PerIndexCounts byIndex;

  private LoadCounters(
      long[] values, Map<String, Long> deadLetteredByReason, PerIndexCounts byIndex) {
    this.values = values.clone();
    this.deadLetteredByReason = new TreeMap<>(deadLetteredByReason);
    this.byIndex = byIndex;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All zero: the start of a sum. */
  public static LoadCounters empty() {
    return EMPTY;
  }

  public long get(Counter counter) {
    return values[counter.ordinal()];
  }

  /** Documents given to {@code add()}, plus records skipped by the checkpoint. */
  public long read() {
    return get(Counter.READ);
  }

  /** Documents Elasticsearch acknowledged (created + updated + deleted + noop/not found). */
  public long indexed() {
    return get(Counter.INDEXED);
  }

  public long created() {
    return get(Counter.CREATED);
  }

  public long updated() {
    return get(Counter.UPDATED);
  }

  public long deleted() {
    return get(Counter.DELETED);
  }

  /** Replayed {@code create}s an earlier attempt had delivered (409); counted in indexed too. */
  public long alreadyDelivered() {
    return get(Counter.ALREADY_DELIVERED);
  }

  public long deadLettered() {
    return get(Counter.DEAD_LETTERED);
  }

  /**
   * Rows whose content-hash id was already in the index (an identical row of this load or an
   * earlier one): settled, but no document of their own; not counted in {@link #indexed()}.
   */
  public long merged() {
    return get(Counter.MERGED);
  }

  /** Dead letters per error type, sorted by type. */
  public Map<String, Long> deadLetteredByReason() {
    return Collections.unmodifiableMap(deadLetteredByReason);
  }

  /** Per target index; documents refused before they had an index are in no entry. */
  public PerIndexCounts byIndex() {
    return byIndex;
  }

  /** Records not sent because a checkpoint recorded them settled (counted in read too). */
  public long skippedByCheckpoint() {
    return get(Counter.SKIPPED_BY_CHECKPOINT);
  }

  public long retriedItems() {
    return get(Counter.RETRIED_ITEMS);
  }

  public long retriedRequests() {
    return get(Counter.RETRIED_REQUESTS);
  }

  public long throttled() {
    return get(Counter.THROTTLED);
  }

  public long bytesSent() {
    return get(Counter.BYTES_SENT);
  }

  public long possibleDuplicates() {
    return get(Counter.POSSIBLE_DUPLICATES);
  }

  public long bulkRequests() {
    return get(Counter.BULK_REQUESTS);
  }

  public long peakBytesBuffered() {
    return get(Counter.PEAK_BYTES_BUFFERED);
  }

  /** Writer time spent blocked at the memory cap, summed over writers. */
  public long waitedForMemoryMillis() {
    return get(Counter.WAITED_FOR_MEMORY_MILLIS);
  }

  /** Writer time spent blocked at the checkpoint's bookkeeping cap, summed over writers. */
  public long waitedForCheckpointMillis() {
    return get(Counter.WAITED_FOR_CHECKPOINT_MILLIS);
  }

  public long latencyP50Millis() {
    return get(Counter.LATENCY_P50_MILLIS);
  }

  public long latencyP90Millis() {
    return get(Counter.LATENCY_P90_MILLIS);
  }

  public long latencyP99Millis() {
    return get(Counter.LATENCY_P99_MILLIS);
  }

  public long latencyMaxMillis() {
    return get(Counter.LATENCY_MAX_MILLIS);
  }

  /** Two writers' counters as one job's, each counter combined as {@link Counter} says. */
  public LoadCounters plus(LoadCounters other) {
    Builder sum = builder();
    for (Counter c : ALL) {
      sum.set(c, c.combine(get(c), other.get(c)));
    }
    deadLetteredByReason.forEach(sum::deadLettered);
    other.deadLetteredByReason.forEach(sum::deadLettered);
    return sum.byIndex(byIndex.plus(other.byIndex)).build();
  }

  /** The same counters, with {@code rows} more records read and skipped by the checkpoint. */
  public LoadCounters withSkipped(long rows) {
    return plus(builder().set(Counter.READ, rows).set(Counter.SKIPPED_BY_CHECKPOINT, rows).build());
  }

  /**
   * True when every record read was indexed, merged into an identical document, dead-lettered or
   * skipped by the checkpoint.
   */
  public boolean reconciles() {
    return read() == indexed() + merged() + deadLettered() + skippedByCheckpoint();
  }

  /**
   * The reconciliation as one sentence, e.g. "read 10 = indexed 9 + dead_lettered 1 + ..."; merged
   * rows appear when there are any ("read 5 = indexed 3 + merged 2 + ...").
   */
  public String reconciliation() {
    return String.format(
        "read %d %s indexed %d + %sdead_lettered %d + skipped_by_checkpoint %d",
        read(),
        reconciles() ? "=" : "!=",
        indexed(),
        merged() == 0 ? "" : "merged " + merged() + " + ",
        deadLettered(),
        skippedByCheckpoint());
  }

  /** The figures a log line needs, e.g. "read=10 indexed=9 dead_lettered=1 ... throttled=0". */
  public String summaryLine() {
    return String.format(
            "read=%d indexed=%d%s%s%s dead_lettered=%d skipped_by_checkpoint=%d retried=%d"
                + " throttled=%d bulk_requests=%d bytes_sent=%d",
            read(),
            indexed(),
            alreadyDelivered() == 0 ? "" : " (already_delivered=" + alreadyDelivered() + ")",
            get(Counter.SUPERSEDED) == 0 ? "" : " (superseded=" + get(Counter.SUPERSEDED) + ")",
            merged() == 0 ? "" : " merged_identical=" + merged(),
            deadLettered(),
            skippedByCheckpoint(),
            retriedItems(),
            throttled(),
            bulkRequests(),
            bytesSent())
        + byIndex.summary();
  }

  /** The JSON form: every counter by its key, then the dead letters by reason. */
  @JsonValue
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Counter c : ALL) {
      map.put(c.key(), get(c));
    }
    map.put(BY_REASON, deadLetteredByReason());
    if (!byIndex.asMap().isEmpty()) {
      map.put(BY_INDEX, byIndex.toJson());
    }
    return map;
  }

  /** Reads {@link #toMap()}'s form; a missing counter is 0, an unknown key is ignored. */
  @JsonCreator
  public static LoadCounters fromMap(Map<String, Object> map) {
    Builder b = builder();
    for (Counter c : ALL) {
      if (map.get(c.key()) instanceof Number n) {
        b.set(c, n.longValue());
      }
    }
    if (map.get(BY_REASON) instanceof Map<?, ?> reasons) {
      reasons.forEach((k, v) -> b.deadLettered(String.valueOf(k), ((Number) v).longValue()));
    }
    return b.byIndex(PerIndexCounts.fromJson(map.get(BY_INDEX))).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoadCounters c
        && Arrays.equals(values, c.values)
        && deadLetteredByReason.equals(c.deadLetteredByReason)
        && byIndex.equals(c.byIndex);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(values), deadLetteredByReason, byIndex);
  }

  @Override
  public String toString() {
    return "LoadCounters" + toMap();
  }

  /** Collects values by counter; a counter never set is 0. Not thread-safe. */
  public static final class Builder {
    private final long[] values = new long[ALL.length];
    private final Map<String, Long> deadLetteredByReason = new TreeMap<>();
    private PerIndexCounts byIndex = PerIndexCounts.EMPTY;

    private Builder() {}

    public Builder byIndex(PerIndexCounts counts) {
      byIndex = counts;
      return this;
    }

    public Builder set(Counter counter, long value) {
      values[counter.ordinal()] = value;
      return this;
    }

    /**
     * Adds {@code count} dead letters of one reason to the per-reason figures (not to {@link
     * Counter#DEAD_LETTERED}, which is set on its own).
     */
    public Builder deadLettered(String reason, long count) {
      deadLetteredByReason.merge(reason, count, Long::sum);
      return this;
    }

    public LoadCounters build() {
      return new LoadCounters(values, deadLetteredByReason, byIndex);
    }
  }
}
