package dev.sluice.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the run report, the one JSON schema of what a run did (version {@value #SCHEMA_VERSION}),
 * through {@link Storage}, so a report path may be local or any URI the storage understands.
 */
public final class RunReportWriter {
  /** 1 was the engine's draft and the Spark job's "sluice-spark-report/1"; 2 says how it ended. */
  public static final int SCHEMA_VERSION = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReportWriter() {}

  /**
   * Writes the report at {@code location}, replacing an earlier one atomically where the storage
   * can, readable by its owner only.
   */
  public static void write(Storage storage, String location, RunReport report) {
    try {
      storage.replace(location, toJson(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Sluice report to " + location, e);
    }
  }

  static byte[] toJson(RunReport report) {
    try {
      return JSON.writeValueAsBytes(toTree(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run report could not be written as JSON", e);
    }
  }

  private static Map<String, Object> toTree(RunReport r) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("schema_version", SCHEMA_VERSION);
    tree.put("job", r.job());
    tree.put("index", r.index());
    tree.put("ended", r.ending().key());
    putIfKnown(tree, "cause", r.cause());
    tree.put("started_at", r.started().toString());
    tree.put("ended_at", r.ended().toString());
    tree.put("elapsed_seconds", r.elapsed().toMillis() / 1000.0);
    tree.put("docs_per_second", Math.round(r.docsPerSecond() * 10) / 10.0);
    tree.put("summary", r.summaryLine());
    tree.put("reconciles", r.reconciliation().reconciles());
    tree.put("reconciliation", reconciliation(r.reconciliation()));
    LoadCounters counters = r.counters();
    tree.put("counters", counters.toMap());
    if (counters.possibleDuplicates() > 0) {
      tree.put(
          "warning",
          counters.possibleDuplicates()
              + " documents with generated ids were sent again (after an ambiguous failure, or"
              + " by a resumed job or a retried task) and may exist twice; set "
              + ConfigKeys.MAPPING_ID.name()
              + " to make retries exact.");
    }
    if (counters.merged() > 0) {
      tree.put("merged_note", MergedNote.text(counters.merged()));
    }
    putIfKnown(tree, "dead_letter_location", r.deadLetterLocation());
    tree.put("dead_letter_files", r.deadLetterFiles());
    putIfKnown(tree, "checkpoint", r.checkpoint());
    tree.put("options", r.options());
    return tree;
  }

  private static Map<String, Object> reconciliation(Reconciliation r) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("complete", r.complete());
    tree.put("tasks_reported", r.tasksReported());
    tree.put("tasks", r.tasks());
    tree.put("balanced", r.balanced());
    tree.put("statement", r.statement());
    return tree;
  }

  private static void putIfKnown(Map<String, Object> tree, String key, String value) {
    if (value != null) {
      tree.put(key, value);
    }
  }
}
