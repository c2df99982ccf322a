package dev.sluice.spark;

import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.PriorDeadLetters;
import dev.sluice.core.deadletter.DeadLetterStaging;
import dev.sluice.core.storage.Storage;

/**
 * The dead-letter side of one task attempt: its writer id, the storage its loader writes dead
 * letters through (staged until the job commits, see {@link DeadLetterStaging}), and, in a
 * checkpointed job, the rows this job already dead-lettered, which it must not send again ({@link
 * PriorDeadLetters#adopt}).
 */
final class DeadLetterAttempt {
  private final DeadLetterStaging staging;
  private final String writerId;

  private DeadLetterAttempt(DeadLetterStaging staging, String writerId) {
    this.staging = staging;
    this.writerId = writerId;
  }

  /**
   * @param checkpoint the job's checkpoint, or null without one
   */
  static DeadLetterAttempt open(
      SparkWriteConf conf, CheckpointStore checkpoint, int partition, long taskId) {
    return open(DeadLetterJob.staging(conf, checkpoint), partition, taskId);
  }

  static DeadLetterAttempt open(DeadLetterStaging staging, int partition, long taskId) {
    return new DeadLetterAttempt(staging, staging.names().writerId(partition, taskId));
  }

  String writerId() {
    return writerId;
  }

  Storage storage() {
    return staging.attemptStorage();
  }

  /**
   * This job's earlier dead letters, which this attempt's rows may claim (see {@link
   * PriorDeadLetters#adopt}). Only for a checkpointed job, after its progress file was read.
   */
  PriorDeadLetters adoptPrior() {
    return PriorDeadLetters.adopt(staging, writerId);
  }
}
