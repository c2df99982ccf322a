package dev.sluice.core.checkpoint;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition of a job whose checkpoint says it finished ({@link JobCheckpoint.Status#FINISHED}):
 * nothing is sent, and the run says so. Its rows count as read and skipped: the ones its progress
 * file records, without reading them, when that file is of this run's split and complete, else the
 * rows read.
 */
final class FinishedJobPartition implements PartitionCheckpointing {
  private static final Logger LOG = LoggerFactory.getLogger(FinishedJobPartition.class);

  private final int partition;
  private final long recordedRows; // -1: unknown, count the rows read
  private volatile long skipped;

  private FinishedJobPartition(int partition, long recordedRows) {
    this.partition = partition;
    this.recordedRows = recordedRows;
  }

  static FinishedJobPartition of(PartitionRef ref, Optional<PartitionCheckpoint> recorded) {
    long rows =
        recorded
            .filter(r -> r.complete() && CheckpointedPartition.sameSplit(r, ref))
            .map(PartitionCheckpoint::rows)
            .orElse(-1L);
    return new FinishedJobPartition(ref.partition(), rows);
  }

  @Override
  public boolean skipWithoutReading() {
    if (recordedRows < 0) {
      return false;
    }
    skipped += recordedRows;
    LOG.info(
        "partition {}: the job finished; skipped {} rows without reading them",
        partition,
        recordedRows);
    return true;
  }

  @Override
  public void write(ConvertedRow row, Sink sink) {
    skipped++;
  }

  @Override
  public void endOfInput(Sink sink) {}

  @Override
  public void settled(long seq, boolean deadLettered) {
    throw new IllegalStateException("partition " + partition + " of a finished job sent a row");
  }

  @Override
  public long skipped() {
    return skipped;
  }

  @Override
  public void committed() {}

  @Override
  public void aborted() {}
}
