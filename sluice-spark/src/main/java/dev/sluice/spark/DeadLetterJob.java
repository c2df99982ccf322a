package dev.sluice.spark;

import dev.sluice.core.SluiceException;
import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.JobManifest;
import dev.sluice.core.deadletter.DeadLetterNames;
import dev.sluice.core.deadletter.DeadLetterStaging;

/**
 * Where this load's dead letters go, the same on the driver and on every executor. Without a
 * checkpoint the job is the Spark query; with one it is the checkpointed job, named by the time its
 * manifest was created and what it loads: every resume of it has the same name, and a job started
 * afresh at the same path (the checkpoint deleted) has another, so it sends again the rows an
 * earlier job dead-lettered.
 */
final class DeadLetterJob {
  private DeadLetterJob() {}

  /**
   * @param checkpoint the job's checkpoint, or null (also for a job the checkpoint says finished)
   */
  static DeadLetterStaging staging(SparkWriteConf conf, CheckpointStore checkpoint) {
    return staging(conf, names(conf, checkpoint));
  }

  /** A job named otherwise: one epoch of a streaming query ({@link StreamEpoch}). */
  static DeadLetterStaging staging(SparkWriteConf conf, DeadLetterNames names) {
    String path = conf.engine().deadLetter().path();
    return new DeadLetterStaging(HadoopStorage.forLocation(path), path, names);
  }

  private static DeadLetterNames names(SparkWriteConf conf, CheckpointStore checkpoint) {
    if (checkpoint == null) {
      return DeadLetterNames.forQuery(conf.queryId());
    }
    JobManifest manifest =
        checkpoint
            .readManifest()
            .orElseThrow(
                () ->
                    new SluiceException(
                        "The checkpoint manifest "
                            + checkpoint.manifestLocation()
                            + " disappeared during the load; it names the job whose dead letters"
                            + " this load takes over. Run the load again."));
    return DeadLetterNames.forCheckpointedJob(
        manifest.createdAt() + "|" + manifest.input() + "|" + manifest.targetIndex(),
        conf.queryId());
  }
}
