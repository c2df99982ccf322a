package dev.sluice.spark;

import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.PriorDeadLetters;
import dev.sluice.core.deadletter.DeadLetterStaging;
import dev.sluice.core.storage.Storage;

/**
 * The dead-letter side of one task attempt: its writer id, the storage its loader writes dead
 * letters through (staged until the job commits, see {@link DeadLetterStaging}), and, in a
 * checkpointed job, the rows this job already dead-lettered in the attempt's partition, which it
 * must not send again ({@link PriorDeadLetters#adopt}).
 */
record DeadLetterAttempt(String writerId, Storage storage, PriorDeadLetters prior) {

  /**
   * @param checkpoint null without one, or when the job already finished
   */
  static DeadLetterAttempt open(
      SparkWriteConf conf, CheckpointStore checkpoint, int partition, long taskId) {
    DeadLetterStaging staging = DeadLetterJob.staging(conf, checkpoint);
    String writerId = staging.names().writerId(partition, taskId);
    PriorDeadLetters prior =
        checkpoint == null
            ? PriorDeadLetters.none()
            : PriorDeadLetters.adopt(staging, partition, writerId);
    return new DeadLetterAttempt(writerId, staging.attemptStorage(), prior);
  }
}
