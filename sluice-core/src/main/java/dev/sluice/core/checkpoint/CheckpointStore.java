package dev.sluice.core.checkpoint;

import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one checkpoint directory, read and written through {@link Storage}:
 *
 * <pre>
 * &lt;location&gt;/manifest.json                  the job's identity
 * &lt;location&gt;/partitions/part-00003.json     one per partition, replaced as it progresses
 * &lt;location&gt;/finished.json                  written once the job committed
 * </pre>
 *
 * Every write replaces the whole file atomically ({@link Storage#replace}); files whose name starts
 * with a dot are temporary files a crash left behind, and are ignored. Reads throw {@link
 * CheckpointCorruptException} for any file that cannot be trusted. Safe to use from executors: it
 * holds no state beyond its location.
 */
public final class CheckpointStore {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
  private static final String MANIFEST = "manifest.json";
  private static final String FINISHED = "finished.json";
  private static final String PARTITIONS = "partitions";

  private final CheckpointFiles files;
  private final String location;

  public CheckpointStore(Storage storage, String location) {
    this.files = new CheckpointFiles(storage);
    this.location = location;
  }

  public String location() {
    return location;
  }

  public String manifestLocation() {
    return files.child(location, MANIFEST);
  }

  public String finishedLocation() {
    return files.child(location, FINISHED);
  }

  public String partitionLocation(int partition) {
    return files.child(partitionsDirectory(), String.format("part-%05d.json", partition));
  }

  public Optional<JobManifest> readManifest() {
    return files.read(manifestLocation(), CheckpointCodec::decodeManifest, recoverManifest());
  }

  public void writeManifest(JobManifest manifest) {
    files.write(manifestLocation(), CheckpointCodec.encode(manifest));
  }

  public Optional<JobFinished> readFinished() {
    return files.read(
        finishedLocation(),
        CheckpointCodec::decodeFinished,
        "Delete it to resume the job from its partition progress files.");
  }

  public void writeFinished(JobFinished finished) {
    files.write(finishedLocation(), CheckpointCodec.encode(finished));
  }

  /**
   * The recorded progress of a partition, empty if it never recorded any.
   *
   * @throws CheckpointCorruptException if its file cannot be trusted
   */
  public Optional<PartitionCheckpoint> readPartition(int partition) {
    String path = partitionLocation(partition);
    Optional<PartitionCheckpoint> found =
        files.read(path, CheckpointCodec::decodePartition, recoverPartition(partition));
    if (found.isPresent() && found.get().partition() != partition) {
      throw new CheckpointCorruptException(
          path,
          "it records partition " + found.get().partition() + ", not " + partition,
          recoverPartition(partition),
          null);
    }
    return found;
  }

  /**
   * For a resuming writer: {@link #readPartition}, except that with {@code force} an unreadable
   * file counts as absent, so the partition is sent again from its first row (logged).
   */
  public Optional<PartitionCheckpoint> readPartitionToResume(int partition, boolean force) {
    try {
      return readPartition(partition);
    } catch (CheckpointCorruptException e) {
      if (!force) {
        throw e;
      }
      LOG.warn(
          "{} Sending partition {} again (" + ConfigKeys.CHECKPOINT_FORCE.name() + "=true).",
          e.getMessage(),
          partition);
      return Optional.empty();
    }
  }

  public void writePartition(PartitionCheckpoint progress) {
    files.write(partitionLocation(progress.partition()), CheckpointCodec.encode(progress));
  }

  /** Every partition's recorded progress, by partition number (for status and the job summary). */
  public List<PartitionCheckpoint> readPartitions() {
    List<PartitionCheckpoint> all = new ArrayList<>();
    for (String file : files.listJson(partitionsDirectory())) {
      all.add(files.read(file, CheckpointCodec::decodePartition, recoverFile()).orElseThrow());
    }
    all.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    return all;
  }

  boolean hasPartitionFiles() {
    return !files.listJson(partitionsDirectory()).isEmpty();
  }

  private String partitionsDirectory() {
    return files.child(location, PARTITIONS);
  }

  private String recoverManifest() {
    return "Delete the directory "
        + location
        + " to start the job over (safe with deterministic ids), or set "
        + ConfigKeys.CHECKPOINT_FORCE.name()
        + "=true to replace the manifest and keep the partition progress.";
  }

  private static String recoverPartition(int partition) {
    return "Delete this file to send partition "
        + partition
        + " again from its first row (safe with deterministic ids, which every"
        + " "
        + ConfigKeys.ID_STRATEGY.name()
        + " but auto gives), or set "
        + ConfigKeys.CHECKPOINT_FORCE.name()
        + "=true to do that for every unreadable partition file.";
  }

  private static String recoverFile() {
    return "Delete this file to send its partition again from its first row (safe with"
        + " deterministic ids), or set "
        + ConfigKeys.CHECKPOINT_FORCE.name()
        + "=true.";
  }
}
