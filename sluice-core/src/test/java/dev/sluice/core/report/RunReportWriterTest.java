package dev.sluice.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportWriterTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LoadCounters counters(long read, long indexed, long dead) {
    return LoadCounters.builder()
        .set(Counter.READ, read)
        .set(Counter.INDEXED, indexed)
        .set(Counter.DEAD_LETTERED, dead)
        .deadLettered("mapper_parsing_exception", dead)
        .build();
  }

  private static RunReport.Builder report(LoadCounters counters, int reported, int tasks) {
    return RunReport.builder("job-1", "orders")
        .between(START, START.plusSeconds(4))
        .counters(counters, reported, tasks)
        .deadLetters("/data/dl", List.of("/data/dl/p0.ndjson"))
        .options(Map.of("es.net.http.auth.pass", "<redacted>", "es.resource", "orders"));
  }

  @Test
  void mergedRowsAreCountedAndExplainedOnlyWhenThereAreAny(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("plain.json");
    RunReportWriter.write(
        new LocalFileStorage(), plain.toString(), report(counters(10, 9, 1), 1, 1).build());
    assertThat(JSON.readTree(plain.toFile()).has("merged_note")).isFalse();

    LoadCounters merged =
        LoadCounters.builder()
            .set(Counter.READ, 5)
            .set(Counter.INDEXED, 3)
            .set(Counter.CREATED, 3)
            .set(Counter.MERGED, 2)
            .build();
    Path target = dir.resolve("merged.json");
    RunReportWriter.write(new LocalFileStorage(), target.toString(), report(merged, 1, 1).build());
    JsonNode json = JSON.readTree(target.toFile());
    assertThat(json.at("/counters/indexed").asLong()).isEqualTo(3);
    assertThat(json.at("/counters/merged").asLong()).isEqualTo(2);
    assertThat(json.get("reconciles").asBoolean()).isTrue();
    assertThat(json.at("/reconciliation/statement").asText())
        .isEqualTo("read 5 = indexed 3 + merged 2 + dead_lettered 0 + skipped_by_checkpoint 0");
    assertThat(json.get("merged_note").asText())
        .startsWith("2 rows were identical to a document already in the index")
        .contains("es.mapping.id")
        .contains("sluice.id.strategy=auto");
    assertThat(json.get("summary").asText()).contains("indexed=3 merged_identical=2");
  }

  @Test
  void aFinishedRunSaysHowItEndedHowFastAndThatItReconciles(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("reports/report.json");
    RunReport finished = report(counters(1000, 990, 10), 4, 4).checkpoint("Resuming job").build();

    RunReportWriter.write(new LocalFileStorage(), target.toString(), finished);

    JsonNode json = JSON.readTree(target.toFile());
    assertThat(json.get("schema_version").asInt()).isEqualTo(RunReportWriter.SCHEMA_VERSION);
    assertThat(json.get("ended").asText()).isEqualTo("finished");
    assertThat(json.has("cause")).isFalse();
    assertThat(json.get("started_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(json.get("ended_at").asText()).isEqualTo("2026-01-01T00:00:04Z");
    assertThat(json.get("elapsed_seconds").asDouble()).isEqualTo(4.0);
    assertThat(json.get("docs_per_second").asDouble()).isEqualTo(250.0);
    assertThat(json.get("reconciles").asBoolean()).isTrue();
    assertThat(json.at("/reconciliation/complete").asBoolean()).isTrue();
    assertThat(json.at("/reconciliation/statement").asText())
        .isEqualTo("read 1000 = indexed 990 + dead_lettered 10 + skipped_by_checkpoint 0");
    assertThat(json.at("/counters/read").asLong()).isEqualTo(1000);
    assertThat(json.at("/counters/deadLetteredByReason/mapper_parsing_exception").asLong())
        .isEqualTo(10);
    assertThat(json.get("dead_letter_location").asText()).isEqualTo("/data/dl");
    assertThat(json.get("dead_letter_files")).hasSize(1);
    assertThat(json.get("checkpoint").asText()).isEqualTo("Resuming job");
    assertThat(json.at("/options/es.net.http.auth.pass").asText()).isEqualTo("<redacted>");
    assertThat(json.get("summary").asText())
        .startsWith("Sluice load job-1 into orders finished in 4.0 s (250 docs/s), 4 of 4 tasks")
        .endsWith("; Resuming job");
    assertThat(Files.getPosixFilePermissions(target))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void theTimelineSaysWhenEachPartitionRanAndHowFastAndThePageIsWrittenBeside(@TempDir Path dir)
      throws Exception {
    Path target = dir.resolve("run-7.json");

    RunReportWriter.write(
        new LocalFileStorage(), target.toString(), SampleReports.loaded(Map.of()).build());

    JsonNode json = JSON.readTree(target.toFile());
    assertThat(json.get("schema_version").asInt()).isEqualTo(4);
    JsonNode timeline = json.get("timeline");
    assertThat(timeline).hasSize(3);
    assertThat(timeline.findValuesAsText("partition")).containsExactly("0", "1", "2");
    JsonNode p1 = timeline.get(1);
    assertThat(p1.get("attempt").asInt()).isZero();
    assertThat(p1.get("started_at").asText()).isEqualTo("2026-01-01T00:00:01Z");
    assertThat(p1.get("ended_at").asText()).isEqualTo("2026-01-01T00:00:03Z");
    assertThat(p1.get("elapsed_seconds").asDouble()).isEqualTo(2.0);
    assertThat(p1.get("settled").asLong()).isEqualTo(200);
    assertThat(p1.get("docs_per_second").asDouble()).isEqualTo(100.0);
    assertThat(p1.at("/counters/deadLettered").asLong()).isEqualTo(4);
    assertThat(p1.at("/counters/throttled").asLong()).isEqualTo(3);
    assertThat(timeline.get(2).get("attempt").asInt()).isEqualTo(1);

    Path page = dir.resolve("run-7.html");
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("Finished with 4");
    assertThat(Files.getPosixFilePermissions(page))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void thePageTakesTheReportsNameWithHtmlOrAddsIt() {
    assertThat(RunReportWriter.pageLocation("s3a://b/r/report.json"))
        .isEqualTo("s3a://b/r/report.html");
    assertThat(RunReportWriter.pageLocation("/tmp/REPORT.JSON")).isEqualTo("/tmp/REPORT.html");
    assertThat(RunReportWriter.pageLocation("/tmp/report")).isEqualTo("/tmp/report.html");
  }

  @Test
  void aTaskCannotEndBeforeItStarted() {
    assertThatThrownBy(() -> new TaskRun(3, 0, START.plusSeconds(1), START, LoadCounters.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition 3");
  }

  @Test
  void anAbortedRunWhoseTasksDidNotAllReportSaysItsCountsArePartial(@TempDir Path dir)
      throws Exception {
    Path target = dir.resolve("report.json");
    RunReport aborted =
        report(LoadCounters.empty(), 0, 3)
            .ended(RunEnding.STOPPED_BY_TOLERANCE, "DeadLetterToleranceException: 12 of 100")
            .build();

    RunReportWriter.write(new LocalFileStorage(), target.toString(), aborted);

    JsonNode json = JSON.readTree(target.toFile());
    assertThat(json.get("ended").asText()).isEqualTo("stopped_by_tolerance");
    assertThat(json.get("cause").asText()).isEqualTo("DeadLetterToleranceException: 12 of 100");
    assertThat(json.get("reconciles").asBoolean()).isFalse();
    assertThat(json.at("/reconciliation/complete").asBoolean()).isFalse();
    assertThat(json.at("/reconciliation/balanced").asBoolean()).isTrue();
    assertThat(json.at("/reconciliation/tasks_reported").asInt()).isZero();
    assertThat(json.at("/reconciliation/statement").asText())
        .startsWith("partial: only 0 of 3 tasks reported");
    assertThat(json.get("summary").asText())
        .contains("stopped by tolerance (DeadLetterToleranceException: 12 of 100)")
        .contains("DOES NOT RECONCILE");
  }

  @Test
  void countsThatDoNotAddUpDoNotReconcileEvenWhenComplete() {
    Reconciliation lost = new Reconciliation(counters(10, 8, 1), 2, 2);
    assertThat(lost.complete()).isTrue();
    assertThat(lost.reconciles()).isFalse();
    assertThat(new Reconciliation(counters(10, 9, 1), 2, 2).reconciles()).isTrue();
  }

  @Test
  void generatedIdDuplicatesAreWarnedAbout() throws Exception {
    LoadCounters dup =
        LoadCounters.builder()
            .set(Counter.READ, 2)
            .set(Counter.INDEXED, 2)
            .set(Counter.POSSIBLE_DUPLICATES, 1)
            .build();
    JsonNode json = JSON.readTree(RunReportWriter.toJson(report(dup, 1, 1).build()));
    assertThat(json.get("warning").asText()).contains("may exist twice").contains("es.mapping.id");
    assertThat(JSON.readTree(RunReportWriter.toJson(report(dup, 1, 1).build())).has("warning"))
        .isTrue();
  }

  @Test
  void goesThroughTheStorageAtAnyLocationAndNamesItWhenItFails() throws Exception {
    RecordingStorage storage = new RecordingStorage();
    RunReport r = report(counters(1, 1, 0), 1, 1).build();

    RunReportWriter.write(storage, "s3a://bucket/reports/run.json", r);

    assertThat(
            JSON.readTree(storage.files.get("s3a://bucket/reports/run.json")).get("job").asText())
        .isEqualTo("job-1");
    assertThat(new String(storage.files.get("s3a://bucket/reports/run.html"), "UTF-8"))
        .contains("Sluice load job-1 into orders");
    storage.failing = true;
    assertThatThrownBy(() -> RunReportWriter.write(storage, "s3a://bucket/r.json", r))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("s3a://bucket/r.json");
  }

  /** Keeps whole files in memory, as a store that is not a local disk. */
  private static final class RecordingStorage implements Storage {
    final Map<String, byte[]> files = new HashMap<>();
    boolean failing;

    @Override
    public void replace(String location, byte[] content) throws IOException {
      if (failing) {
        throw new IOException("no access");
      }
      files.put(location, content.clone());
    }

    @Override
    public OutputStream createOwnerOnly(String location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public InputStream open(String location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean exists(String location) {
      return files.containsKey(location);
    }

    @Override
    public List<String> list(String directory) {
      return List.of();
    }

    @Override
    public String child(String directory, String name) {
      return directory + "/" + name;
    }

    @Override
    public void move(String from, String to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String location) {
      files.remove(location);
    }
  }

  @Test
  void theSeriesAndTheDeadLetterSamplesAreInTheReport(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("report.json");

    RunReportWriter.write(
        new LocalFileStorage(), target.toString(), SampleReports.loaded(Map.of()).build());

    JsonNode json = JSON.readTree(target.toFile());
    assertThat(json.at("/series/bucket_seconds").asDouble()).isEqualTo(1.0);
    JsonNode buckets = json.at("/series/buckets");
    assertThat(buckets).hasSize(6);
    JsonNode third = buckets.get(2);
    assertThat(third.get("start_at").asText()).isEqualTo("2026-01-01T00:00:02Z");
    assertThat(third.get("seconds").asDouble()).isEqualTo(2.0);
    assertThat(third.get("settled").asLong()).isEqualTo(100);
    assertThat(third.get("docs_per_second").asDouble()).isEqualTo(100.0);
    assertThat(third.get("bytes_sent").asLong()).isEqualTo(1000);
    assertThat(third.get("requests_sent").asLong()).isEqualTo(1);
    assertThat(third.get("mean_batch_bytes").asDouble()).isEqualTo(1000.0);
    assertThat(third.get("max_in_flight").asLong()).isEqualTo(2);
    assertThat(third.get("mean_in_flight").asDouble()).isEqualTo(1.0);
    assertThat(third.get("mean_latency_millis").asDouble()).isEqualTo(50.0);
    assertThat(third.get("latency_max_millis").asLong()).isEqualTo(50);
    assertThat(third.get("retried_items").asLong()).isEqualTo(5);
    assertThat(third.get("throttled").asLong()).isEqualTo(5);
    assertThat(third.get("retried_requests").asLong()).isEqualTo(1);
    long settled = 0;
    for (JsonNode b : buckets) {
      settled += b.get("settled").asLong();
    }
    assertThat(settled).isEqualTo(600);
    JsonNode samples = json.get("dead_letter_samples");
    assertThat(samples.get("mapper_parsing_exception")).hasSize(2);
    assertThat(samples.at("/mapper_parsing_exception/0/position").asText())
        .isEqualTo("partition 0 row 7");
    assertThat(samples.at("/mapper_parsing_exception/0/source").asText())
        .isEqualTo("{\"price\":\"abc\"}");
    assertThat(samples.at("/mapper_parsing_exception/0/source_truncated").asBoolean()).isFalse();
  }

  @Test
  void theLastBucketsRateCountsOnlyTheTimeTheRunRan(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("report.json");
    RunReport report =
        SampleReports.loaded(Map.of())
            .between(SampleReports.START, SampleReports.START.plusMillis(5_500))
            .build();

    RunReportWriter.write(new LocalFileStorage(), target.toString(), report);

    JsonNode last = JSON.readTree(target.toFile()).at("/series/buckets/5");
    assertThat(last.get("settled").asLong()).isEqualTo(100);
    assertThat(last.get("docs_per_second").asDouble()).isEqualTo(200.0); // 100 docs in 0.5 s
  }
}
