/**
 * Durable progress, so that a crashed load resumes without duplicates or gaps. A checkpoint
 * directory holds a job manifest ({@link dev.sluice.core.checkpoint.JobManifest}, with the number
 * of partitions the input was split into), one progress file per partition ({@link
 * dev.sluice.core.checkpoint.PartitionCheckpoint}, with the split it was recorded under) and, at
 * the end, a finished marker ({@link dev.sluice.core.checkpoint.JobFinished}); every file is
 * versioned JSON with a SHA-256 checksum, replaced atomically through {@link
 * dev.sluice.core.storage.Storage#replace}. A writer sees one object per partition, {@link
 * dev.sluice.core.checkpoint.PartitionCheckpointing}: inside it {@link
 * dev.sluice.core.checkpoint.ResumeFilter} skips what an earlier run settled once the ids match the
 * recorded fingerprints, and {@link dev.sluice.core.checkpoint.PartitionProgress} tracks what
 * Elasticsearch settles, written in the background by {@link
 * dev.sluice.core.checkpoint.ProgressPersister}.
 */
package dev.sluice.core.checkpoint;
