package dev.sluice.spark.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.spark.soak.SoakInput.Kind;
import dev.sluice.spark.soak.SoakInput.SoakRow;
import dev.sluice.spark.soak.SoakScenario.IdMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker finds each kind of violation, and none in an exact outcome. */
class InvariantCheckerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SoakScenario scenario = fieldIdScenario();
  private final SoakInput input = SoakInput.of(scenario);

  @TempDir Path dir;

  private static SoakScenario fieldIdScenario() {
    for (long seed = 0; ; seed++) {
      SoakScenario candidate = ScenarioGenerator.generate(seed);
      if (candidate.idMode() == IdMode.FIELD && candidate.badShare() > 0.02) {
        return candidate;
      }
    }
  }

  private List<IndexContents.Doc> exactIndex() {
    List<IndexContents.Doc> docs = new ArrayList<>();
    List<Long> seen = new ArrayList<>();
    for (SoakRow row : input.rows()) {
      if (row.kind() == Kind.GOOD && !seen.contains(row.row())) {
        seen.add(row.row());
        docs.add(new IndexContents.Doc(row.key(), input.expectedSource(row)));
      }
    }
    return docs;
  }

  private List<DeadLetterRecord> exactDeadLetters() {
    List<DeadLetterRecord> records = new ArrayList<>();
    for (SoakRow row : input.rows()) {
      String reason =
          switch (row.kind()) {
            case BAD_MAPPING -> "failed to parse field [code] of type [long]";
            case BAD_NAN -> "field score: NaN cannot be written as JSON";
            case BAD_NULL_KEY -> "field key: the document id is null";
            case GOOD -> null;
          };
      if (reason != null) {
        String type =
            row.kind() == Kind.BAD_MAPPING ? "document_parsing_exception" : "row_conversion";
        records.add(deadLetter(row, type, reason));
      }
    }
    return records;
  }

  private static DeadLetterRecord deadLetter(SoakRow row, String type, String reason) {
    byte[] source =
        ("{\"row\":" + row.row() + ",\"key\":" + JSON.valueToTree(row.key()) + "}")
            .getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.EPOCH;
    return new DeadLetterRecord(
        1, "i", row.key(), "index", 400, type, reason, 1, now, now, "p0", "w", source);
  }

  private Optional<ReportView> report(String json) throws Exception {
    Path file = dir.resolve("report.json");
    Files.writeString(file, json);
    return ReportView.read(file);
  }

  private String goodReport() {
    int read = input.rows().size();
    return "{\"outcome\":\"finished\",\"reconciles\":true,\"counters\":{\"read\":"
        + read
        + ",\"indexed\":"
        + (read - 10)
        + ",\"dead_lettered\":4,\"skippedByCheckpoint\":6},\"options\":{\"status\":\"x\"}}";
  }

  @Test
  void anExactOutcomeHasNoViolation() throws Exception {
    InvariantChecker checker = new InvariantChecker(scenario, input);

    checker.checkIndex(exactIndex());
    checker.checkDeadLetters(exactDeadLetters());
    checker.checkReport(report(goodReport()));

    assertThat(checker.violations()).isEmpty();
  }

  @Test
  void findsMissingDuplicatedAndChangedDocuments() {
    List<IndexContents.Doc> docs = exactIndex();
    IndexContents.Doc lost = docs.remove(0);
    docs.add(docs.get(0));
    IndexContents.Doc changed = docs.remove(1);
    docs.add(
        new IndexContents.Doc(
            "other-id", ((ObjectNode) changed.source().deepCopy()).put("payload", "changed")));
    InvariantChecker checker = new InvariantChecker(scenario, input);

    checker.checkIndex(docs);

    assertThat(String.join("\n", checker.violations()))
        .contains("good records missing: 1, e.g. row " + lost.source().path("row").asLong())
        .contains("good records more than once: 1")
        .contains("content differs from the input: 1")
        .contains("id is not the key column: 1");
  }

  @Test
  void findsMissingDuplicatedMisplacedAndUnexplainedDeadLetters() {
    List<DeadLetterRecord> records = exactDeadLetters();
    records.remove(0);
    records.add(records.get(0));
    SoakRow good = input.rows().stream().filter(r -> r.kind() == Kind.GOOD).findFirst().get();
    records.add(deadLetter(good, "version_conflict_engine_exception", "exists"));
    int keyed = 1;
    while (records.get(keyed).id() == null) {
      keyed++;
    }
    DeadLetterRecord unexplained = records.remove(keyed);
    records.add(
        new DeadLetterRecord(
            1, "i", null, "index", 400, "x", "", 1, null, null, "p", "w", unexplained.source()));
    InvariantChecker checker = new InvariantChecker(scenario, input);

    checker.checkDeadLetters(records);

    assertThat(String.join("\n", checker.violations()))
        .contains("bad rows missing: 1")
        .contains("bad rows more than once: 1")
        .contains("good rows dead-lettered: 1")
        .contains("reason does not name the fault: 1")
        .contains("id is not the row's key: 1");
  }

  @Test
  void findsAReportThatDoesNotReconcileOrSayHowTheRunEnded() throws Exception {
    InvariantChecker checker = new InvariantChecker(scenario, input);

    checker.checkReport(
        report(
            goodReport()
                .replace("\"outcome\":\"finished\",", "")
                .replace("\"reconciles\":true", "\"reconciles\":false")
                .replace("\"dead_lettered\":4", "\"dead_lettered\":3")));
    checker.checkReport(Optional.empty());

    assertThat(checker.violations())
        .anyMatch(v -> v.contains("does not say it reconciles"))
        .anyMatch(v -> v.contains("!= indexed"))
        .anyMatch(v -> v.contains("does not say the run finished"))
        .anyMatch(v -> v.contains("wrote no report"));
  }
}
