package dev.sluice.spark;

import dev.sluice.core.checkpoint.JobCheckpoint;

/**
 * What a partition's writer is told when it starts.
 *
 * @param checkpointStatus what the job's checkpoint said on the driver; null without one
 * @param partitions how many partitions the input has in this run
 * @param replay an earlier run or task attempt may have delivered any of the partition's rows
 * @param epoch the streaming epoch the partition belongs to; null in a batch load
 */
record WriterStart(
    JobCheckpoint.Status checkpointStatus, int partitions, boolean replay, StreamEpoch epoch) {

  /** A partition of a batch load. */
  WriterStart(JobCheckpoint.Status checkpointStatus, int partitions, boolean replay) {
    this(checkpointStatus, partitions, replay, null);
  }
}
