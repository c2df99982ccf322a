package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.Counters;
import dev.sluice.core.report.DeadLetterSamples;
import dev.sluice.core.report.Measure;
import dev.sluice.core.report.RunEnding;
import dev.sluice.core.report.RunReport;
import dev.sluice.core.report.TaskRun;
import dev.sluice.core.report.TimeSeries;
import java.nio.file.Files;
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
    // Partition n ran from second n to second 2n + 1, as its first attempt.
    return new SluiceCommitMessage(
        partition,
        partition,
        c,
        "/dl/p" + partition,
        0,
        START.plusSeconds(partition),
        START.plusSeconds(2L * partition + 1),
        TimeSeries.empty(),
        DeadLetterSamples.empty());
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
    String page = Files.readString(dir.resolve("out/report.html"));
    assertThat(page).doesNotContain("s3cret-pass").contains("Sluice load query-1 into idx");
  }

  @Test
  void eachTaskThatReportedHasItsTimelineEntry() {
    SluiceCommitMessage retried =
        new SluiceCommitMessage(
            1,
            9,
            LoadCounters.builder().set(Counter.READ, 3).set(Counter.INDEXED, 3).build(),
            null,
            2,
            START.plusSeconds(3),
            START.plusSeconds(6),
            TimeSeries.empty(),
            DeadLetterSamples.empty());
    JobSummary summary =
        JobSummary.of(conf(null), new WriterCommitMessage[] {task(2, 7, 7), null, retried});

    RunReport report = summary.report(RunEnding.FINISHED, null, START, START.plusSeconds(8), null);

    assertThat(report.timeline())
        .extracting(TaskRun::partition, TaskRun::attempt, TaskRun::started, TaskRun::ended)
        .containsExactly(
            tuple(1, 2, START.plusSeconds(3), START.plusSeconds(6)),
            tuple(2, 0, START.plusSeconds(2), START.plusSeconds(5)));
    assertThat(report.timeline().get(0).docsPerSecond()).isEqualTo(1.0);
    assertThat(report.timeline().get(1).counters().read()).isEqualTo(7);
  }

  @Test
  void thePublishedDeadLetterLocationKeepsTheTaskTimes() {
    SluiceCommitMessage moved = task(3, 1, 1).withDeadLetterLocation("/dl/final/p3");
    assertThat(moved.deadLetterLocation()).isEqualTo("/dl/final/p3");
    assertThat(moved.run()).isEqualTo(task(3, 1, 1).run());
  }

  /** A clock the test sets, in seconds since START. */
  private static final class SetClock extends java.time.Clock {
    private Instant now = START;

    SetClock at(double seconds) {
      now = START.plusMillis(Math.round(seconds * 1000));
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A task whose writer indexed {@code perSecond} documents in each of the given seconds. */
  private static SluiceCommitMessage sampled(int partition, long perSecond, int... seconds) {
    SetClock clock = new SetClock();
    Counters counters = new Counters(clock);
    for (int second : seconds) {
      clock.at(second + 0.2);
      counters.requestSent(100 * perSecond, 1);
      clock.at(second + 0.7);
      counters.inFlight(0);
      counters.latency(500);
      for (int i = 0; i < perSecond; i++) {
        counters.increment(Counter.READ);
        counters.indexed("created", "idx");
      }
    }
    counters.increment(Counter.READ);
    counters.deadLettered(
        new DeadLetterRecord(
            DeadLetterRecord.FORMAT_VERSION,
            "idx",
            "k-" + partition,
            "index",
            400,
            "mapper_parsing_exception",
            "failed to parse [code]",
            1,
            START,
            START,
            "partition " + partition + " row 3",
            "w",
            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    LoadResult r =
        new LoadResult(counters.snapshot(0), null, counters.series(), counters.deadLetterSamples());
    return new SluiceCommitMessage(
        partition,
        partition,
        r.counters(),
        null,
        0,
        START,
        START.plusSeconds(4),
        r.series(),
        r.deadLetterSamples());
  }

  @Test
  void theTasksSeriesAreMergedByWallClockSecondAndTheirSamplesInPartitionOrder(@TempDir Path dir)
      throws Exception {
    Path path = dir.resolve("report.json");
    JobSummary summary =
        JobSummary.of(
            conf(path),
            new WriterCommitMessage[] {sampled(0, 10, 0, 1, 2), null, sampled(2, 5, 1, 3)});

    summary.writeIfAsked(
        summary.report(RunEnding.FINISHED, null, START, START.plusSeconds(4), null));

    JsonNode buckets = new ObjectMapper().readTree(path.toFile()).at("/series/buckets");
    assertThat(buckets)
        .extracting(b -> b.get("seconds").asDouble(), b -> b.get("settled").asLong())
        // the dead letters settled at the last event of each task: 2.7 s and 3.7 s
        .containsExactly(tuple(0.0, 10L), tuple(1.0, 15L), tuple(2.0, 11L), tuple(3.0, 6L));
    assertThat(buckets)
        .extracting(b -> b.get("requests_sent").asLong(), b -> b.get("mean_in_flight").asDouble())
        .containsExactly(tuple(1L, 0.5), tuple(2L, 1.0), tuple(1L, 0.5), tuple(1L, 0.5));
    assertThat(summary.series().total(Measure.SETTLED))
        .isEqualTo(summary.totals().indexed() + summary.totals().deadLettered());
    assertThat(summary.deadLetterSamples().byReason().get("mapper_parsing_exception"))
        .extracting(DeadLetterSamples.Sample::position)
        .containsExactly("partition 0 row 3", "partition 2 row 3");
  }
}
