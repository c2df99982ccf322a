package dev.sluice.spark;

import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.JobCheckpoint;
import dev.sluice.core.checkpoint.PartitionCheckpoint;
import dev.sluice.core.checkpoint.PartitionCheckpointing;
import dev.sluice.core.checkpoint.PartitionProgress;
import dev.sluice.core.checkpoint.PartitionRef;
import dev.sluice.core.checkpoint.PriorDeadLetters;
import dev.sluice.core.checkpoint.ProgressPersister;
import dev.sluice.core.checkpoint.ProgressPolicy;
import dev.sluice.core.config.CheckpointSettings;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the {@link PartitionCheckpointing} of one Spark partition from the job's checkpoint. */
final class CheckpointingFactory {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointingFactory.class);

  /**
   * The bookkeeping of rows above a partition's watermark may take this share of the checkpoint's
   * memory ({@link dev.sluice.core.config.BatchSettings#checkpointMemoryBytes}): ids are small
   * beside the documents the rest is for.
   */
  private static final int UNSETTLED_SHARE = 4;

  private CheckpointingFactory() {}

  /**
   * @param status what the job's checkpoint said on the driver; null without a checkpoint
   * @param priorDeadLetters this job's earlier dead letters of the partition; asked for only after
   *     the partition's progress file was read, since dead letters are flushed before the progress
   *     that covers them
   */
  static PartitionCheckpointing open(
      SparkWriteConf conf,
      PartitionRef ref,
      JobCheckpoint.Status status,
      Supplier<PriorDeadLetters> priorDeadLetters,
      PartitionProgress.Liveness liveness) {
    CheckpointStore store = conf.checkpointStore();
    if (store == null || status == null) {
      return PartitionCheckpointing.none();
    }
    CheckpointSettings settings = conf.engine().checkpoint();
    if (status == JobCheckpoint.Status.FINISHED) {
      return PartitionCheckpointing.finishedJob(ref, readToCount(store, ref.partition()));
    }
    Optional<PartitionCheckpoint> recorded =
        store.readPartitionToResume(ref.partition(), settings.force());
    PriorDeadLetters prior = priorDeadLetters.get();
    long memory = conf.engine().batch().checkpointMemoryBytes();
    PartitionCheckpointing.Options options =
        new PartitionCheckpointing.Options(
            new ProgressPolicy(settings.everyRows(), settings.every(), memory / UNSETTLED_SHARE),
            settings.segmentRows(),
            memory,
            Clock.systemUTC(),
            ProgressPersister.background(ProgressPersister.DEFAULT_TICK),
            liveness);
    return PartitionCheckpointing.resuming(store, ref, recorded, prior, options);
  }

  /**
   * Once the whole job finished, a progress file only tells how many rows to skip unread, so a file
   * that cannot be read then costs reading the rows, not the job.
   */
  private static Optional<PartitionCheckpoint> readToCount(CheckpointStore store, int partition) {
    try {
      return store.readPartition(partition);
    } catch (RuntimeException e) {
      LOG.warn("partition {}: {}; counting its rows to skip them instead", partition, e.toString());
      return Optional.empty();
    }
  }
}
