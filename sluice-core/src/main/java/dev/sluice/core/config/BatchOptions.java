package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.BATCH_FLUSH_INTERVAL;
import static dev.sluice.core.config.ConfigKeys.BATCH_SIZE_BYTES;
import static dev.sluice.core.config.ConfigKeys.BATCH_SIZE_ENTRIES;
import static dev.sluice.core.config.ConfigKeys.BULK_CONCURRENCY;
import static dev.sluice.core.config.ConfigKeys.FLOW_ADAPTIVE;
import static dev.sluice.core.config.ConfigKeys.FLOW_LATENCY_TARGET;
import static dev.sluice.core.config.ConfigKeys.FLOW_MIN_BATCH_BYTES;
import static dev.sluice.core.config.ConfigKeys.MEMORY_MAX_BYTES;

import dev.sluice.core.ConfigException;

/**
 * Builds {@link BatchSettings}. Without {@code sluice.memory.max.bytes} a writer holds what its
 * requests in flight and the one being filled need, {@link #defaultMemoryCap}: documents held
 * beyond that only wait, and every one of them is live data the JVM's collector copies again at
 * each young collection (64 MB per writer did not load faster than that, and cost the Spark JVM
 * more CPU per document).
 */
public final class BatchOptions {
  /** The most a writer holds by default: what it held before the cap followed the batch size. */
  static final long MAX_DEFAULT_MEMORY = 64L << 20;

  private BatchOptions() {}

  public static BatchSettings resolve(ResolvedOptions o) {
    long maxBytes = o.get(BATCH_SIZE_BYTES);
    int concurrency = o.get(BULK_CONCURRENCY);
    long memory;
    boolean given = o.given(MEMORY_MAX_BYTES);
    if (given) {
      memory = o.get(MEMORY_MAX_BYTES);
      if (memory < maxBytes) {
        throw new ConfigException(
            MEMORY_MAX_BYTES.name(),
            MEMORY_MAX_BYTES.name()
                + " ("
                + memory
                + ") must be at least "
                + BATCH_SIZE_BYTES.name()
                + " ("
                + maxBytes
                + ")");
      }
    } else {
      memory = defaultMemoryCap(maxBytes, concurrency);
      o.showEffective(MEMORY_MAX_BYTES, memory);
    }
    return new BatchSettings(
        o.get(BATCH_SIZE_ENTRIES),
        maxBytes,
        concurrency,
        memory,
        !given,
        o.get(FLOW_ADAPTIVE),
        Math.min(o.get(FLOW_MIN_BATCH_BYTES), maxBytes),
        o.get(FLOW_LATENCY_TARGET),
        o.get(BATCH_FLUSH_INTERVAL));
  }

  /**
   * A full batch per request in flight and one more being filled, so that a full batch is ready
   * when a request comes back; at most {@link #MAX_DEFAULT_MEMORY}, and never less than one batch.
   */
  static long defaultMemoryCap(long batchBytes, int concurrency) {
    long wanted = batchBytes * (concurrency + 1L);
    return Math.max(batchBytes, Math.min(MAX_DEFAULT_MEMORY, wanted));
  }
}
