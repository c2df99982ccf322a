package dev.sluice.core.checkpoint;

import java.time.Instant;

/**
 * The marker written when every partition is complete and the job committed: resuming does nothing.
 *
 * @param partitions partitions written
 * @param rows rows settled in all partitions (indexed or dead-lettered)
 * @param deadLettered rows dead-lettered in all partitions
 */
public record JobFinished(Instant finishedAt, int partitions, long rows, long deadLettered) {}
