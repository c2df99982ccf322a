package dev.sluice.core.checkpoint;

import java.time.Clock;
import java.time.Instant;

/**
 * The writes of one partition's progress file: when one is due, and that a write never replaces
 * newer progress (snapshots are taken under {@link PartitionProgress}'s lock and written outside
 * it, by the background thread or the writer, so two can race) or a complete file.
 */
final class ProgressWrites {
  private final CheckpointStore store;
  private final ProgressPolicy policy;
  private final Clock clock;
  private final Object writeLock = new Object();

  // Guarded by this.
  private long lastWrittenRows;
  private Instant lastWrittenAt;
  private boolean completeWritten;

  ProgressWrites(CheckpointStore store, ProgressPolicy policy, Clock clock, long recordedRows) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
    this.lastWrittenRows = recordedRows;
    this.lastWrittenAt = clock.instant();
  }

  /** Whether the watermark moved {@code everyRows} rows, or moved and {@code every} passed. */
  synchronized boolean due(long watermark) {
    long moved = watermark - lastWrittenRows;
    boolean timeUp = !clock.instant().isBefore(lastWrittenAt.plus(policy.every()));
    return moved > 0 && (moved >= policy.everyRows() || timeUp);
  }

  synchronized boolean moved(long watermark) {
    return watermark != lastWrittenRows;
  }

  /**
   * Writes {@code progress} unless newer progress or a complete file was written; true if it did.
   */
  boolean write(PartitionCheckpoint progress) {
    synchronized (writeLock) {
      synchronized (this) {
        if (completeWritten || (progress.rows() <= lastWrittenRows && !progress.complete())) {
          return false;
        }
      }
      store.writePartition(progress);
      synchronized (this) {
        lastWrittenRows = Math.max(lastWrittenRows, progress.rows());
        lastWrittenAt = clock.instant();
        completeWritten |= progress.complete();
      }
      return true;
    }
  }
}
