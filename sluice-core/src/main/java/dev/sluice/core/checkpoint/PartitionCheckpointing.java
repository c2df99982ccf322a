package dev.sluice.core.checkpoint;

import dev.sluice.core.BulkLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a partition's writer does about the checkpoint, behind one small interface: which
 * input rows to send and which an earlier run proves settled, telling the progress what the loader
 * settles, and recording the partition complete or, on abort, its settled prefix. The writer
 * converts each row and hands it to {@link #write}; {@link #none()} sends everything.
 *
 * <p>Order of calls, on the writer's thread: {@code write}* then {@code endOfInput} then, once the
 * loader closed, {@code committed}; or {@code aborted} at any point after the loader aborted.
 * {@link #settled} comes from the loader's thread.
 */
public interface PartitionCheckpointing {
  /** Hands a row to the loader ({@code add} or {@code deadLetter}); returns its sequence number. */
  @FunctionalInterface
  interface Sink {
    long send(ConvertedRow row) throws InterruptedException;

    /** The writer was blocked this long for room in the checkpoint's bookkeeping. */
    default void waitedForRoom(Duration waited) {}

    /**
     * Sends to {@code loader}: documents are added, rejected rows dead-lettered; waits for room are
     * counted in the loader's report.
     */
    static Sink to(BulkLoader loader) {
      return new Sink() {
        @Override
        public long send(ConvertedRow row) throws InterruptedException {
          return row.rejected()
              ? loader.deadLetter(row.document(), row.errorType(), row.reason())
              : loader.add(row.document());
        }

        @Override
        public void waitedForRoom(Duration waited) {
          loader.waitedForCheckpoint(waited);
        }
      };
    }
  }

  /**
   * The next input row. Sends it (and any rows held before it) through {@code sink}, holds it while
   * its segment is being checked, or drops it as settled by an earlier run. May block while the
   * bookkeeping is at its memory cap.
   */
  void write(ConvertedRow row, Sink sink) throws InterruptedException;

  /** The input ended: sends the rows still held (they could not be proven settled). */
  void endOfInput(Sink sink) throws InterruptedException;

  /** The loader settled the row it numbered {@code seq}. Quick, no I/O. */
  void settled(long seq, boolean deadLettered);

  /** Rows read and not sent because an earlier run settled them; checked, never assumed. */
  long skipped();

  /**
   * For a job that already finished: counts the rows the partition's progress file records as read
   * and skipped, so that the writer need not read them. False when the rows must be read (every
   * other case: a row is skipped only once checked).
   */
  default boolean skipWithoutReading() {
    return false;
  }

  /** The loader closed with every row settled: records the partition complete. */
  void committed();

  /** The loader aborted: records the rows settled so far, so that a rerun skips them. */
  void aborted();

  /**
   * How a checkpointed partition records its progress.
   *
   * @param segmentRows rows per fingerprint, for a partition with no usable progress file
   * @param maxHeldBytes cap on the rows a resume holds while it checks a segment
   * @param ticker drives the background writes of the progress file
   * @param liveness checked while the writer waits for the loader to settle rows
   */
  record Options(
      ProgressPolicy policy,
      int segmentRows,
      long maxHeldBytes,
      Clock clock,
      ProgressPersister.Ticker ticker,
      PartitionProgress.Liveness liveness) {}

  /** No checkpoint: every row is sent. */
  static PartitionCheckpointing none() {
    return NoCheckpoint.INSTANCE;
  }

  /**
   * A partition of a checkpointed job that has not finished.
   *
   * @param recorded the partition's progress file, if it has one
   * @param prior the rows earlier runs of this job dead-lettered in this partition
   */
  static PartitionCheckpointing resuming(
      CheckpointStore store,
      PartitionRef ref,
      Optional<PartitionCheckpoint> recorded,
      PriorDeadLetters prior,
      Options options) {
    return CheckpointedPartition.open(store, ref, recorded, prior, options);
  }

  /**
   * A partition of a job the checkpoint records finished: nothing is sent.
   *
   * @param recorded the partition's progress file, if it could be read
   */
  static PartitionCheckpointing finishedJob(
      PartitionRef ref, Optional<PartitionCheckpoint> recorded) {
    return FinishedJobPartition.of(ref, recorded);
  }
}
