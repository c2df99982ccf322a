package dev.sluice.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report page shows, read from the JSON report (schema 2 or later; 2 has no timeline). It
 * takes every counter the report holds as it comes, so a counter added later shows without a change
 * here: numbers become counts, objects of numbers become breakdowns (dead letters by reason, ...),
 * objects of objects become one breakdown per inner figure (e.g. per index).
 */
final class ReportPage {
  /** The page's banner. */
  enum Outcome {
    FINISHED,
    FINISHED_WITH_DEAD_LETTERS,
    STOPPED
  }

  /** One timeline entry: a task and what it did. */
  record Task(
      int partition,
      int attempt,
      Instant started,
      Instant ended,
      double elapsedSeconds,
      long settled,
      double docsPerSecond,
      Map<String, Long> counters) {

    String name() {
      return "p" + partition + (attempt == 0 ? "" : " #" + attempt);
    }
  }

  private final JsonNode tree;

  private ReportPage(JsonNode tree) {
    this.tree = tree;
  }

  static ReportPage of(JsonNode report) {
    return new ReportPage(report);
  }

  /** The page as one self-contained HTML document. */
  String html() {
    return ReportHtml.render(this);
  }

  String job() {
    return tree.path("job").asText();
  }

  String index() {
    return tree.path("index").asText();
  }

  int schemaVersion() {
    return tree.path("schema_version").asInt();
  }

  Outcome outcome() {
    if (!"finished".equals(tree.path("ended").asText())) {
      return Outcome.STOPPED;
    }
    return counts().getOrDefault("deadLettered", 0L) > 0
        ? Outcome.FINISHED_WITH_DEAD_LETTERS
        : Outcome.FINISHED;
  }

  /** E.g. "Finished with 12 dead letters", "Stopped: stopped by tolerance". */
  String headline() {
    return switch (outcome()) {
      case FINISHED -> "Finished: every document settled, none dead-lettered";
      case FINISHED_WITH_DEAD_LETTERS ->
          "Finished with " + counts().get("deadLettered") + " dead letters";
      case STOPPED -> "Stopped: " + tree.path("ended").asText().replace('_', ' ');
    };
  }

  /** What stopped the run, or null. */
  String cause() {
    return text("cause");
  }

  boolean reconciles() {
    return tree.path("reconciles").asBoolean();
  }

  String reconciliation() {
    return tree.path("reconciliation").path("statement").asText();
  }

  String summary() {
    return text("summary");
  }

  String warning() {
    return text("warning");
  }

  String checkpoint() {
    return text("checkpoint");
  }

  Instant started() {
    return Instant.parse(tree.path("started_at").asText());
  }

  Instant ended() {
    return Instant.parse(tree.path("ended_at").asText());
  }

  double elapsedSeconds() {
    return tree.path("elapsed_seconds").asDouble();
  }

  double docsPerSecond() {
    return tree.path("docs_per_second").asDouble();
  }

  /** Every counter that is a number, in the report's order. */
  Map<String, Long> counts() {
    return numbers(tree.path("counters"));
  }

  /** Every counter that is an object, as label → value; objects of objects flattened per figure. */
  Map<String, Map<String, Long>> breakdowns() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.path("counters").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> counter = it.next();
      JsonNode value = counter.getValue();
      if (value.isObject() && (value.isEmpty() || !numbers(value).isEmpty())) {
        out.put(counter.getKey(), numbers(value)); // e.g. dead letters by reason, maybe none
      } else if (value.isObject()) {
        out.putAll(perFigure(counter.getKey(), value));
      }
    }
    return out;
  }

  /**
   * {@code byIndex: {a: {indexed: 1}, b: {indexed: 2}}} as {@code "byIndex indexed": {a: 1, b: 2}},
   * leaving out figures that are zero everywhere.
   */
  private static Map<String, Map<String, Long>> perFigure(String name, JsonNode objects) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    objects
        .fields()
        .forEachRemaining(
            row ->
                numbers(row.getValue())
                    .forEach(
                        (figure, value) ->
                            out.computeIfAbsent(name + " " + figure, k -> new LinkedHashMap<>())
                                .put(row.getKey(), value)));
    out.values().removeIf(values -> values.values().stream().allMatch(v -> v == 0));
    return out;
  }

  List<Task> tasks() {
    List<Task> tasks = new ArrayList<>();
    for (JsonNode t : tree.path("timeline")) {
      tasks.add(
          new Task(
              t.path("partition").asInt(),
              t.path("attempt").asInt(),
              Instant.parse(t.path("started_at").asText()),
              Instant.parse(t.path("ended_at").asText()),
              t.path("elapsed_seconds").asDouble(),
              t.path("settled").asLong(),
              t.path("docs_per_second").asDouble(),
              numbers(t.path("counters"))));
    }
    return tasks;
  }

  Map<String, String> options() {
    Map<String, String> options = new TreeMap<>();
    tree.path("options")
        .fields()
        .forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
    return options;
  }

  String deadLetterLocation() {
    return text("dead_letter_location");
  }

  List<String> deadLetterFiles() {
    List<String> files = new ArrayList<>();
    tree.path("dead_letter_files").forEach(f -> files.add(f.asText()));
    return files;
  }

  /** The series' buckets (schema 4 and later; none before), each a JSON object of measures. */
  List<JsonNode> buckets() {
    List<JsonNode> buckets = new ArrayList<>();
    tree.path("series").path("buckets").forEach(buckets::add);
    return buckets;
  }

  double bucketSeconds() {
    return tree.path("series").path("bucket_seconds").asDouble();
  }

  /** Error type → its sample dead letters, each field → text ("" for none). */
  Map<String, List<Map<String, String>>> deadLetterSamples() {
    return SampleRows.of(tree.path("dead_letter_samples"));
  }

  List<ReportCharts.Chart> charts() {
    return ReportCharts.of(this);
  }

  /** The report itself, for the page's data block. */
  JsonNode report() {
    return tree;
  }

  /** A breakdown of dead letters ("deadLetteredByReason", "byIndex deadLettered"). */
  static boolean isAboutDeadLetters(String breakdown) {
    return breakdown.contains("deadLettered");
  }

  /** "deadLetteredByReason" → "dead lettered by reason". */
  static String words(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
  }

  private String text(String field) {
    JsonNode node = tree.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static Map<String, Long> numbers(JsonNode object) {
    Map<String, Long> out = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asLong());
              }
            });
    return out;
  }
}
