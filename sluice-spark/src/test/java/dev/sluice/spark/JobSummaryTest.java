package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.RunEnding;
import dev.sluice.core.report.RunReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSummaryTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static SparkWriteConf conf(Path report) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", "http://127.0.0.1:9200");
    options.put("es.resource", "idx");
    options.put("es.net.http.auth.user", "loader");
    options.put("es.net.http.auth.pass", "s3cret-pass");
    if (report != null) {
      options.put("sluice.report.path", report.toString());
    }
    return SparkWriteConf.resolve(
        options, new StructType().add("id", DataTypes.StringType), "query-1");
  }

  private static SluiceCommitMessage task(int partition, long read, long indexed) {
    LoadCounters c =
        LoadCounters.builder().set(Counter.READ, read).set(Counter.INDEXED, indexed).build();
    return new SluiceCommitMessage(partition, partition, c, "/dl/p" + partition);
  }

  @Test
  void anAbortedRunWhoseTasksDidNotReportDoesNotReconcile() {
    // Spark's abort hands over one slot per partition; null where the task never committed.
    assertThat(JobSummary.of(conf(null), new WriterCommitMessage[3]).reconciles()).isFalse();
  }

  @Test
  void countsOnlyWhatReportedAndSaysTheRestIsMissing() {
    JobSummary summary =
        JobSummary.of(conf(null), new WriterCommitMessage[] {task(0, 5, 5), null, task(2, 7, 7)});

    RunReport report =
        summary.report(RunEnding.CANCELLED, "Job 3 cancelled", START, START.plusSeconds(2), null);

    assertThat(summary.totals().read()).isEqualTo(12);
    assertThat(report.reconciliation().tasksReported()).isEqualTo(2);
    assertThat(report.reconciliation().tasks()).isEqualTo(3);
    assertThat(report.reconciliation().reconciles()).isFalse();
    assertThat(report.docsPerSecond()).isEqualTo(6.0);
    assertThat(report.deadLetterFiles()).containsExactly("/dl/p0", "/dl/p2");
    assertThat(report.summaryLine())
        .startsWith("Sluice load query-1 into idx cancelled (Job 3 cancelled) in 2.0 s")
        .contains("partial: only 2 of 3 tasks reported");
  }

  @Test
  void writesTheReportWhereAskedWithoutSecrets(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("out/report.json");
    JobSummary summary = JobSummary.of(conf(path), new WriterCommitMessage[] {task(0, 4, 4)});

    summary.writeIfAsked(
        summary.report(RunEnding.FINISHED, null, START, START.plusSeconds(1), "Checkpointing"));

    JsonNode json = new ObjectMapper().readTree(path.toFile());
    assertThat(json.get("ended").asText()).isEqualTo("finished");
    assertThat(json.get("reconciles").asBoolean()).isTrue();
    assertThat(json.get("job").asText()).isEqualTo("query-1");
    assertThat(json.at("/counters/read").asLong()).isEqualTo(4);
    assertThat(json.toString()).doesNotContain("s3cret-pass").contains("<redacted>");
  }
}
