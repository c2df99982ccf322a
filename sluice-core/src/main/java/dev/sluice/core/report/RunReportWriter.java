package dev.sluice.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the run report, the one JSON schema of what a run did (version {@value #SCHEMA_VERSION}),
 * and beside it the page people look at ({@link ReportPage}), both through {@link Storage}, so a
 * report path may be local or any URI the storage understands.
 */
public final class RunReportWriter {
  /**
   * 1 was the engine's draft and the Spark job's "sluice-spark-report/1"; 2 says how it ended; 3
   * adds {@code timeline}, one entry per task that reported (partition, attempt, start, end,
   * settled, docs/s, its counters). Nothing of 2 changed, so a reader of 2 reads 3. 4 adds {@code
   * series} (what the run did over time, in buckets: {@link SeriesTree}) and {@code
   * dead_letter_samples} (a few dead letters per reason); nothing of 3 changed.
   */
  public static final int SCHEMA_VERSION = 4;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReportWriter() {}

  /**
   * Writes the report at {@code location} and its page at {@link #pageLocation}, replacing earlier
   * ones atomically where the storage can, readable by their owner only.
   */
  public static void write(Storage storage, String location, RunReport report) {
    JsonNode tree = JSON.valueToTree(toTree(report));
    replace(storage, location, toJson(tree));
    String page = pageLocation(location);
    replace(storage, page, ReportPage.of(tree).html().getBytes(StandardCharsets.UTF_8));
  }

  /** Where the page of the report at {@code location} goes: same name, {@code .html}. */
  public static String pageLocation(String location) {
    return location.toLowerCase(Locale.ROOT).endsWith(".json")
        ? location.substring(0, location.length() - ".json".length()) + ".html"
        : location + ".html";
  }

  private static void replace(Storage storage, String location, byte[] content) {
    try {
      storage.replace(location, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Sluice report to " + location, e);
    }
  }

  static byte[] toJson(RunReport report) {
    return toJson(JSON.valueToTree(toTree(report)));
  }

  private static byte[] toJson(JsonNode tree) {
    try {
      return JSON.writeValueAsBytes(tree);
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
    tree.put("timeline", r.timeline().stream().map(RunReportWriter::entry).toList());
    tree.put("series", SeriesTree.of(r.series(), r.started(), r.ended()));
    tree.put("dead_letter_samples", SeriesTree.samples(r.deadLetterSamples()));
    return tree;
  }

  private static Map<String, Object> entry(TaskRun task) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("partition", task.partition());
    tree.put("attempt", task.attempt());
    tree.put("started_at", task.started().toString());
    tree.put("ended_at", task.ended().toString());
    tree.put("elapsed_seconds", task.elapsed().toMillis() / 1000.0);
    tree.put("settled", task.settled());
    tree.put("docs_per_second", Math.round(task.docsPerSecond() * 10) / 10.0);
    tree.put("counters", task.counters().toMap());
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
