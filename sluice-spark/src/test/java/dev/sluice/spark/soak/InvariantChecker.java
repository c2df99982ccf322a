package dev.sluice.spark.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.spark.soak.SoakInput.Kind;
import dev.sluice.spark.soak.SoakInput.SoakRow;
import dev.sluice.spark.soak.SoakScenario.IdMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The invariants a seed must end with, computed from the generated input alone: contract points 1
 * and 2 (every row once, in the index or the dead-letter store) and 6 (the report reconciles and
 * says how the run ended). Collects every violation instead of stopping at the first, so that one
 * seed tells all it found.
 */
final class InvariantChecker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXAMPLES = 5;

  private final SoakScenario scenario;
  private final SoakInput input;
  private final Map<Long, SoakRow> good = new TreeMap<>();
  private final Map<Long, SoakRow> bad = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();

  InvariantChecker(SoakScenario scenario, SoakInput input) {
    this.scenario = scenario;
    this.input = input;
    for (SoakRow row : input.rows()) {
      (row.kind() == Kind.GOOD ? good : bad).put(row.row(), row);
    }
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  /** The index holds each good record exactly once, with its content (and its key as id). */
  void checkIndex(List<IndexContents.Doc> docs) {
    Map<Long, Integer> seen = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    List<String> wrongContent = new ArrayList<>();
    List<String> wrongId = new ArrayList<>();
    for (IndexContents.Doc doc : docs) {
      long row = doc.source().path("row").asLong(-1);
      SoakRow expected = good.get(row);
      if (expected == null) {
        unexpected.add(doc.id() + " " + doc.source());
        continue;
      }
      seen.merge(row, 1, Integer::sum);
      if (!input.expectedSource(expected).equals(doc.source())) {
        wrongContent.add("row " + row + ": " + doc.source());
      }
      if (scenario.idMode() == IdMode.FIELD && !expected.key().equals(doc.id())) {
        wrongId.add("row " + row + " has id " + quote(doc.id()) + ", key " + quote(expected.key()));
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    for (long row : good.keySet()) {
      int times = seen.getOrDefault(row, 0);
      if (times == 0) {
        missing.add("row " + row);
      } else if (times > 1) {
        duplicated.add("row " + row + " x" + times);
      }
    }
    violation("index: good records missing", missing);
    violation("index: good records more than once", duplicated);
    violation("index: documents that are no good record", unexpected);
    violation("index: content differs from the input", wrongContent);
    violation("index: id is not the key column", wrongId);
    if (docs.size() != good.size()) {
      violations.add(
          "index: " + docs.size() + " documents, expected " + good.size() + " (distinct good)");
    }
  }

  /** The dead-letter store holds each bad row exactly once, with a reason naming what is wrong. */
  void checkDeadLetters(List<DeadLetterRecord> records) {
    Map<Long, Integer> seen = new TreeMap<>();
    List<String> goodOnes = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    List<String> wrongReason = new ArrayList<>();
    List<String> wrongId = new ArrayList<>();
    for (DeadLetterRecord record : records) {
      long row = rowOf(record);
      SoakRow expected = bad.get(row);
      String what = record.errorType() + ": " + record.reason();
      if (row < 0) {
        unreadable.add(record.position() + " " + what);
      } else if (expected == null) {
        goodOnes.add("row " + row + " (" + record.position() + ") " + what);
      } else {
        seen.merge(row, 1, Integer::sum);
        if (!reasonFits(expected.kind(), record)) {
          wrongReason.add("row " + row + " " + expected.kind() + " got " + what);
        }
        if (scenario.idMode() == IdMode.FIELD
            && expected.key() != null
            && !expected.key().equals(record.id())) {
          wrongId.add("row " + row + " " + expected.kind() + " has id " + quote(record.id()));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    for (Map.Entry<Long, SoakRow> row : bad.entrySet()) {
      int times = seen.getOrDefault(row.getKey(), 0);
      if (times == 0) {
        missing.add("row " + row.getKey() + " " + row.getValue().kind());
      } else if (times > 1) {
        duplicated.add("row " + row.getKey() + " " + row.getValue().kind() + " x" + times);
      }
    }
    violation("dead letters: bad rows missing", missing);
    violation("dead letters: bad rows more than once", duplicated);
    violation("dead letters: good rows dead-lettered", goodOnes);
    violation("dead letters: records without a readable row", unreadable);
    violation("dead letters: reason does not name the fault", wrongReason);
    violation("dead letters: id is not the row's key", wrongId);
  }

  /** The final run's report reconciles its counters and says the run finished. */
  void checkReport(Optional<ReportView> maybeReport) {
    if (maybeReport.isEmpty()) {
      violations.add("report: the final run wrote no report");
      return;
    }
    ReportView report = maybeReport.get();
    if (!report.reconciles().orElse(false)) {
      violations.add("report: does not say it reconciles: " + report.reconciles());
    }
    Optional<Long> read = report.counter("read");
    Optional<Long> indexed = report.counter("indexed");
    Optional<Long> dead = report.counter("dead_lettered");
    Optional<Long> skipped = report.counter("skipped_by_checkpoint");
    if (read.isEmpty() || indexed.isEmpty() || dead.isEmpty() || skipped.isEmpty()) {
      violations.add("report: counters not found (read, indexed, dead_lettered, skipped)");
    } else {
      if (read.get() != input.rows().size()) {
        violations.add("report: read " + read.get() + ", the input has " + input.rows().size());
      }
      // Identical rows with content-hash ids are merged, counted apart from indexed.
      long merged = report.counter("merged").orElse(0L);
      long sum = indexed.get() + merged + dead.get() + skipped.get();
      if (read.get() != sum) {
        violations.add(
            String.format(
                "report: read %d != indexed %d + merged %d + dead_lettered %d + skipped %d",
                read.get(), indexed.get(), merged, dead.get(), skipped.get()));
      }
    }
    Optional<String> ending = report.ending();
    if (ending.isEmpty() || !ending.get().toLowerCase(java.util.Locale.ROOT).contains("finish")) {
      violations.add("report: does not say the run finished (found " + ending + ")");
    }
  }

  /** A violation the driver saw while the runs went on. */
  void violation(String text) {
    violations.add(text);
  }

  void finalRunEnded(ChildRun.Result result) {
    if (result.ending() != ChildRun.Ending.DONE) {
      violations.add(
          "final run: ended "
              + result.ending()
              + " (exit "
              + result.exitStatus()
              + "), log tail:\n"
              + result.logTail());
    }
  }

  private boolean reasonFits(Kind kind, DeadLetterRecord record) {
    String reason = record.reason() == null ? "" : record.reason();
    String type = record.errorType() == null ? "" : record.errorType();
    return switch (kind) {
      case BAD_MAPPING -> type.endsWith("parsing_exception") && reason.contains("code");
      case BAD_NAN -> reason.contains("score");
      case BAD_NULL_KEY -> reason.contains(scenario.idMode() == IdMode.BINARY ? "bkey" : "key");
      case GOOD -> false;
    };
  }

  private static long rowOf(DeadLetterRecord record) {
    if (record.source() == null) {
      return -1;
    }
    try {
      JsonNode source = JSON.readTree(record.source());
      return source == null ? -1 : source.path("row").asLong(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  private void violation(String what, List<String> examples) {
    if (!examples.isEmpty()) {
      violations.add(
          what
              + ": "
              + examples.size()
              + ", e.g. "
              + String.join("; ", examples.subList(0, Math.min(EXAMPLES, examples.size()))));
    }
  }

  private static String quote(String text) {
    if (text == null) {
      return "null";
    }
    Map<Character, String> escapes = new LinkedHashMap<>();
    escapes.put('\n', "\\n");
    escapes.put('\t', "\\t");
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      out.append(escapes.getOrDefault(c, String.valueOf(c)));
    }
    return out.append('"').toString();
  }
}
