package dev.sluice.core.checkpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What identifies a job: a resume must write the same documents to the same place.
 *
 * @param input a description of the input the caller can reproduce, e.g. {@code
 *     parquet:/data/events} or a table name
 * @param targetIndex the index (or alias, data stream) written to
 * @param idStrategy {@link dev.sluice.core.id.IdStrategy#describe()}
 * @param outputOptions the options that change the documents written (operation, routing column,
 *     schema, ...), as the caller chose them; sorted by key
 * @param createdAt when the job first started
 * @param toolVersion the Sluice version that wrote the manifest (informational, never compared)
 * @param partitions how many partitions the input was split into when the manifest was written;
 *     {@link PartitionCheckpoint#UNKNOWN_SPLIT} when not known (a manifest of an older Sluice). Not
 *     part of the job's identity: a run with another split is the same job, whose per-partition
 *     progress cannot be trusted ({@link JobCheckpoint#begin})
 */
public record JobManifest(
    String input,
    String targetIndex,
    String idStrategy,
    Map<String, String> outputOptions,
    Instant createdAt,
    String toolVersion,
    int partitions) {

  /** A manifest whose split is not known yet: see {@link #withPartitions}. */
  public JobManifest(
      String input,
      String targetIndex,
      String idStrategy,
      Map<String, String> outputOptions,
      Instant createdAt,
      String toolVersion) {
    this(
        input,
        targetIndex,
        idStrategy,
        outputOptions,
        createdAt,
        toolVersion,
        PartitionCheckpoint.UNKNOWN_SPLIT);
  }

  public JobManifest {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
    }
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(targetIndex, "targetIndex");
    Objects.requireNonNull(idStrategy, "idStrategy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(toolVersion, "toolVersion");
    outputOptions = Collections.unmodifiableSortedMap(new TreeMap<>(outputOptions));
  }

  /** The same job, for an input split into {@code n} partitions. */
  public JobManifest withPartitions(int n) {
    return new JobManifest(
        input, targetIndex, idStrategy, outputOptions, createdAt, toolVersion, n);
  }

  /**
   * Each way this run's identity differs from the recorded one, as a sentence naming both values,
   * e.g. "it was written for index [a]; this run targets [b]". Empty when they match.
   */
  List<String> differencesFrom(JobManifest recorded) {
    List<String> out = new ArrayList<>();
    if (!targetIndex.equals(recorded.targetIndex)) {
      out.add(
          "it was written for index ["
              + recorded.targetIndex
              + "]; this run targets ["
              + targetIndex
              + "]");
    }
    if (!idStrategy.equals(recorded.idStrategy)) {
      out.add(
          "it was written with id strategy "
              + recorded.idStrategy
              + "; this run uses "
              + idStrategy);
    }
    if (!input.equals(recorded.input)) {
      out.add("it was written for input " + recorded.input + "; this run reads " + input);
    }
    TreeSet<String> keys = new TreeSet<>(outputOptions.keySet());
    keys.addAll(recorded.outputOptions.keySet());
    for (String key : keys) {
      String was = recorded.outputOptions.get(key);
      String now = outputOptions.get(key);
      if (!Objects.equals(was, now)) {
        out.add(
            "option "
                + key
                + " was "
                + (was == null ? "unset" : "'" + was + "'")
                + "; this run has "
                + (now == null ? "it unset" : "'" + now + "'"));
      }
    }
    return out;
  }
}
