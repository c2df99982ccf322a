package dev.sluice.core.checkpoint;

import java.time.Duration;

/**
 * When {@link PartitionProgress} writes its file, and how much it may hold.
 *
 * @param everyRows write when the watermark moved this many rows since the last write
 * @param every or when this much time passed since the last write and the watermark moved
 * @param maxUnsettledBytes cap on the estimated bytes held for rows above the watermark
 */
public record ProgressPolicy(long everyRows, Duration every, long maxUnsettledBytes) {
  public ProgressPolicy {
    if (everyRows < 1 || every.isNegative() || maxUnsettledBytes < 1) {
      throw new IllegalArgumentException(
          "every " + everyRows + " rows / " + every + ", at most " + maxUnsettledBytes + " bytes");
    }
  }
}
