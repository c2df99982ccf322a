package dev.sluice.core.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Batch bounds, concurrency and memory cap. maxDocs 0 = no count limit. With adaptive flow,
 * maxBytes and concurrency are upper bounds and minBatchBytes the lower one.
 *
 * @param memoryFollowsRequests the cap is the default one: a writer holds a full batch per request
 *     it has in flight and one more, at most {@code memoryMaxBytes} (a cap the user set is fixed)
 */
public record BatchSettings(
    int maxDocs,
    long maxBytes,
    int concurrency,
    long memoryMaxBytes,
    boolean memoryFollowsRequests,
    boolean adaptive,
    long minBatchBytes,
    Duration latencyTarget,
    Duration flushInterval)
    implements Serializable {

  /**
   * What a writer's checkpoint bookkeeping is sized by (the rows above its watermark, the rows of a
   * segment a resume checks): the cap the user set, or with the default cap, which follows the
   * requests in flight and says nothing about those rows, the most the default lets a writer hold.
   */
  public long checkpointMemoryBytes() {
    return memoryFollowsRequests
        ? Math.max(memoryMaxBytes, BatchOptions.MAX_DEFAULT_MEMORY)
        : memoryMaxBytes;
  }
}
