package dev.sluice.core.checkpoint;

import dev.sluice.core.SluiceException;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
  private static final String FORCE_OPTION = "sluice.checkpoint.force";

  private final Storage storage;
  private final String location;
  private final String tag;

  public CheckpointStore(Storage storage, String location) {
    this.storage = storage;
    this.location = location;
    this.tag = tagOf(location);
  }

  private static String tagOf(String location) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public String location() {
    return location;
  }

  /**
   * The writer id, and so the dead-letter file name, of one attempt at a partition of this job:
   * {@code ck<tag>-p<partition>-t<attempt>}, where the tag is the same in every run that uses this
   * checkpoint directory, so that a resumed run finds the dead letters earlier runs wrote ({@link
   * PriorDeadLetters}).
   */
  public String writerId(int partition, long attempt) {
    return writerIdPrefix(partition) + "t" + attempt;
  }

  /** What the writer ids (and dead-letter files) of every attempt at a partition start with. */
  public String writerIdPrefix(int partition) {
    return String.format("ck%s-p%05d-", tag, partition);
  }

  public String manifestLocation() {
    return storage.child(location, MANIFEST);
  }

  public String finishedLocation() {
    return storage.child(location, FINISHED);
  }

  public String partitionLocation(int partition) {
    return storage.child(partitionsDirectory(), String.format("part-%05d.json", partition));
  }

  public Optional<JobManifest> readManifest() {
    String path = manifestLocation();
    return read(path)
        .map(bytes -> decode(path, bytes, CheckpointCodec::decodeManifest, recoverManifest()));
  }

  public void writeManifest(JobManifest manifest) {
    write(manifestLocation(), CheckpointCodec.encode(manifest));
  }

  public Optional<JobFinished> readFinished() {
    String path = finishedLocation();
    return read(path)
        .map(
            bytes ->
                decode(
                    path,
                    bytes,
                    CheckpointCodec::decodeFinished,
                    "Delete it to resume the job from its partition progress files."));
  }

  public void writeFinished(JobFinished finished) {
    write(finishedLocation(), CheckpointCodec.encode(finished));
  }

  /**
   * The recorded progress of a partition, empty if it never recorded any.
   *
   * @throws CheckpointCorruptException if its file cannot be trusted
   */
  public Optional<PartitionCheckpoint> readPartition(int partition) {
    String path = partitionLocation(partition);
    Optional<PartitionCheckpoint> found =
        read(path)
            .map(
                bytes ->
                    decode(
                        path,
                        bytes,
                        CheckpointCodec::decodePartition,
                        recoverPartition(partition)));
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
          "{} Sending partition {} again (sluice.checkpoint.force=true).",
          e.getMessage(),
          partition);
      return Optional.empty();
    }
  }

  public void writePartition(PartitionCheckpoint progress) {
    write(partitionLocation(progress.partition()), CheckpointCodec.encode(progress));
  }

  /** Every partition's recorded progress, by partition number (for status and the job summary). */
  public List<PartitionCheckpoint> readPartitions() {
    List<PartitionCheckpoint> all = new ArrayList<>();
    for (String file : listPartitionFiles()) {
      all.add(
          decode(file, read(file).orElseThrow(), CheckpointCodec::decodePartition, recoverFile()));
    }
    all.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    return all;
  }

  boolean hasPartitionFiles() {
    return !listPartitionFiles().isEmpty();
  }

  private List<String> listPartitionFiles() {
    try {
      List<String> files = new ArrayList<>();
      for (String file : storage.list(partitionsDirectory())) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (!name.startsWith(".") && name.endsWith(".json")) {
          files.add(file);
        }
      }
      return files;
    } catch (IOException e) {
      throw new SluiceException(
          "Cannot list checkpoint files under " + partitionsDirectory() + ": " + e, e);
    }
  }

  private String partitionsDirectory() {
    return storage.child(location, PARTITIONS);
  }

  private Optional<byte[]> read(String path) {
    try {
      if (!storage.exists(path)) {
        return Optional.empty();
      }
      try (InputStream in = storage.open(path)) {
        return Optional.of(in.readAllBytes());
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SluiceException(
          "Cannot read checkpoint file " + path + ": " + e + ". Check sluice.checkpoint.path.", e);
    }
  }

  private void write(String path, byte[] bytes) {
    try {
      storage.replace(path, bytes);
    } catch (IOException e) {
      throw new SluiceException(
          "Cannot write checkpoint file " + path + ": " + e + ". Check sluice.checkpoint.path.", e);
    }
  }

  private interface Decoder<T> {
    T decode(byte[] bytes) throws CheckpointCodec.Malformed;
  }

  private static <T> T decode(String path, byte[] bytes, Decoder<T> decoder, String recovery) {
    try {
      return decoder.decode(bytes);
    } catch (CheckpointCodec.Malformed e) {
      throw new CheckpointCorruptException(path, e.getMessage(), recovery, e);
    }
  }

  private String recoverManifest() {
    return "Delete the directory "
        + location
        + " to start the job over (safe with deterministic ids), or set "
        + FORCE_OPTION
        + "=true to replace the manifest and keep the partition progress.";
  }

  private static String recoverPartition(int partition) {
    return "Delete this file to send partition "
        + partition
        + " again from its first row (safe with deterministic ids, which every"
        + " sluice.id.strategy but auto gives), or set "
        + FORCE_OPTION
        + "=true to do that for every unreadable partition file.";
  }

  private static String recoverFile() {
    return "Delete this file to send its partition again from its first row (safe with"
        + " deterministic ids), or set "
        + FORCE_OPTION
        + "=true.";
  }
}
