package dev.sluice.spark;

import dev.sluice.core.checkpoint.JobCheckpoint;

/**
 * What a partition's writer is told when it starts.
 *
 * @param checkpointStatus what the job's checkpoint said on the driver; null without one
 * @param partitions how many partitions the input has in this run
 * @param replay an earlier run or task attempt may have delivered any of the partition's rows
 */
record WriterStart(JobCheckpoint.Status checkpointStatus, int partitions, boolean replay) {}
