package dev.sluice.core.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * How one job names its dead-letter files. Each task attempt writes {@code
 * <job>-p<partition>-t<task>[-r<run>].ndjson} (plus {@code -<n>} or {@code -carried} before the
 * extension when it writes several files): the job part ties the files to the job, so that only a
 * resume of the same job, or another attempt at the same task, takes them into account; the run
 * part keeps task numbers, which restart with every Spark application, unique across the runs of a
 * resumable job.
 *
 * @param job names the job: a query, or a checkpointed job (which several runs resume)
 * @param run names one run of a checkpointed job; null for a job that is a single run
 */
public record DeadLetterNames(String job, String run) {
  private static final String EXTENSION = ".ndjson";

  /** A job without a checkpoint: one Spark query, one run. */
  public static DeadLetterNames forQuery(String queryId) {
    return new DeadLetterNames(shortId(queryId), null);
  }

  /**
   * A checkpointed job, run by the query {@code queryId}.
   *
   * @param jobIdentity the same text in every run of the job and different for another job at the
   *     same checkpoint path, e.g. the time its checkpoint was created with what it loads
   */
  public static DeadLetterNames forCheckpointedJob(String jobIdentity, String queryId) {
    return new DeadLetterNames("ck" + sha256Hex8(jobIdentity), shortId(queryId));
  }

  /** The writer id, and so the dead-letter file name, of one task attempt. */
  public String writerId(int partition, long taskId) {
    return partitionPrefix(partition) + "t" + taskId + (run == null ? "" : "-r" + run);
  }

  /** What the file names of every attempt at {@code partition} in this job start with. */
  public String partitionPrefix(int partition) {
    return String.format("%s-p%05d-", job, partition);
  }

  /**
   * The attempt among {@code writerIds} whose dead letters file {@code fileName} (without
   * directory) holds, or null: the name is the writer id, maybe followed by {@code -carried} and a
   * {@code -<n>} of a further file.
   */
  static String writerOf(String fileName, Set<String> writerIds) {
    if (!fileName.endsWith(EXTENSION)) {
      return null;
    }
    String base = fileName.substring(0, fileName.length() - EXTENSION.length());
    for (int suffixes = 0; suffixes <= 2 && base != null; suffixes++) {
      if (writerIds.contains(base)) {
        return base;
      }
      int dash = base.lastIndexOf('-');
      base = dash < 0 ? null : base.substring(0, dash);
    }
    return null;
  }

  /** Whether {@code fileName} (without directory) holds dead letters of this job. */
  boolean isFileOfJob(String fileName) {
    return fileName.endsWith(EXTENSION) && fileName.startsWith(job + "-p");
  }

  /** Whether {@code fileName} (without directory) holds dead letters of {@code partition}. */
  boolean isFileOfPartition(int partition, String fileName) {
    return fileName.endsWith(EXTENSION) && fileName.startsWith(partitionPrefix(partition));
  }

  static String fileName(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String shortId(String queryId) {
    return queryId == null ? "local" : queryId.substring(0, Math.min(8, queryId.length()));
  }

  private static String sha256Hex8(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
