/**
 * Durable progress, so that a crashed load resumes without duplicates or gaps. A checkpoint
 * directory holds a job manifest ({@link dev.sluice.core.checkpoint.JobManifest}), one progress
 * file per partition ({@link dev.sluice.core.checkpoint.PartitionCheckpoint}) and, at the end, a
 * finished marker ({@link dev.sluice.core.checkpoint.JobFinished}); every file is versioned JSON
 * with a SHA-256 checksum, replaced atomically through {@link
 * dev.sluice.core.storage.Storage#replace}. {@link dev.sluice.core.checkpoint.PartitionProgress}
 * tracks what Elasticsearch settled, {@link dev.sluice.core.checkpoint.ResumeFilter} skips it on
 * the next run after checking that the rows are the same.
 */
package dev.sluice.core.checkpoint;
