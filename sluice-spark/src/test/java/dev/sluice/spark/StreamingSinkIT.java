package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured Streaming into Elasticsearch: a file stream of JSON files, one file per epoch, rows
 * keyed by {@code key}; every row whose number is a multiple of 7 has a {@code code} the strict
 * mapping rejects, so it is dead-lettered. The index and the dead letters must be exact, also when
 * Spark replays an epoch after a restart.
 */
@ExtendWith(ElasticsearchExtension.class)
class StreamingSinkIT {
  private static final int ROWS_PER_FILE = 50;
  private static SparkSession spark;

  @TempDir Path out;
  private Path input;
  private Path checkpoint;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-streaming-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @BeforeEach
  void directories() throws IOException {
    input = Files.createDirectories(out.resolve("input"));
    checkpoint = out.resolve("checkpoint");
  }

  @Test
  void availableNowLoadsEveryFileExactlyOnceEpochByEpoch(EsHandle es) throws Exception {
    String index = newIndex(es);
    for (int f = 0; f < 3; f++) {
      writeFile(f);
    }
    StreamingQuery query = start(index, Trigger.AvailableNow(), Map.of());
    query.awaitTermination();

    assertThat(query.exception().isEmpty()).isTrue();
    assertExact(es, index, 3);
    List<StreamingQueryProgress> epochs = withSinkMetrics(query);
    assertThat(epochs).hasSize(3);
    for (StreamingQueryProgress p : epochs) {
      Map<String, String> m = p.sink().metrics();
      assertThat(m.get("sluiceEpoch")).isEqualTo(Long.toString(p.batchId()));
      assertThat(m.get("sluiceDocumentsRead")).isEqualTo(Integer.toString(ROWS_PER_FILE));
      assertThat(m.get("sluiceDocumentsDeadLettered"))
          .isEqualTo(Long.toString(badRowsIn((int) p.batchId())));
    }
    assertThat(sluiceEpochs()).containsExactly("0", "1", "2");
  }

  @Test
  void aProcessingTimeQueryFedFileByFileIsExactAndDeadLettersEachBadRowOnce(EsHandle es)
      throws Exception {
    String index = newIndex(es);
    StreamingQuery query = start(index, Trigger.ProcessingTime(50), Map.of());
    try {
      for (int f = 0; f < 4; f++) {
        writeFile(f);
        query.processAllAvailable();
      }
    } finally {
      query.stop();
    }
    assertThat(query.exception().isEmpty()).isTrue();
    assertExact(es, index, 4);
    assertThat(withSinkMetrics(query)).hasSize(4);
  }

  /**
   * Epochs of one row each, with batches of 1,000 documents and a flush interval of an hour: each
   * epoch's writer sends its one document in one request when the epoch ends, so the query goes on
   * (were it waiting for a full batch or the interval, processAllAvailable would not return).
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void epochsOfOneRowEachSendOneRequestEachWithoutWaitingForAFullBatch(EsHandle es)
      throws Exception {
    String index = newIndex(es);
    Map<String, String> batching =
        Map.of("es.batch.size.entries", "1000", "sluice.batch.flush.interval", "1h");
    StreamingQuery query = start(index, Trigger.ProcessingTime(50), batching);
    int epochs = 5;
    try {
      for (int row = 1; row <= epochs; row++) {
        writeOneRowFile(row);
        query.processAllAvailable();
        es.client().refresh(index);
        assertThat(es.client().count(index)).as("documents after epoch " + row).isEqualTo(row);
      }
    } finally {
      query.stop();
    }
    assertThat(query.exception().isEmpty()).isTrue();
    for (StreamingQueryProgress p : withSinkMetrics(query)) {
      assertThat(p.sink().metrics().get("sluiceDocumentsIndexed")).isEqualTo("1");
    }
    JsonNode counters =
        report(checkpoint.resolve("sluice").resolve("report.json")).path("counters");
    assertThat(counters.path("indexed").asLong()).isEqualTo(epochs);
    assertThat(counters.path("bulkRequests").asLong())
        .as("one request per epoch")
        .isEqualTo(epochs);
  }

  /** Trigger.Once is deprecated for availableNow, but pipelines still use it. */
  @Test
  @SuppressWarnings("deprecation")
  void aOnceTriggerLoadsWhatIsThereInOneEpoch(EsHandle es) throws Exception {
    String index = newIndex(es);
    writeFile(0);
    writeFile(1);
    Path reportPath = out.resolve("reports").resolve("query.json");
    StreamingQuery query =
        start(index, Trigger.Once(), Map.of("sluice.report.path", reportPath.toString()));
    query.awaitTermination();

    assertThat(query.exception().isEmpty()).isTrue();
    assertExact(es, index, 2);
    assertThat(withSinkMetrics(query)).hasSize(1);
    assertReportIsExact(report(reportPath), index, 2);
  }

  @Test
  void theQuerysReportAddsEachEpochOfBothRunsOnce(EsHandle es) throws Exception {
    String index = newIndex(es);
    writeFile(0);
    writeFile(1);
    start(index, Trigger.AvailableNow(), Map.of()).awaitTermination();
    JsonNode first = report(checkpoint.resolve("sluice").resolve("report.json"));
    assertThat(first.path("counters").path("read").asLong()).isEqualTo(2 * ROWS_PER_FILE);

    writeFile(2);
    writeFile(3);
    StreamingQuery second = start(index, Trigger.AvailableNow(), Map.of());
    second.awaitTermination();

    assertThat(second.exception().isEmpty()).isTrue();
    assertExact(es, index, 4);
    JsonNode report = report(checkpoint.resolve("sluice").resolve("report.json"));
    assertReportIsExact(report, index, 4);
    assertThat(report.path("checkpoint").asText()).contains("4 epochs committed (0 to 3)");
    assertThat(report.path("started_at").asText())
        .as("the query's start, in its first run")
        .isEqualTo(first.path("started_at").asText());
    assertThat(report.path("counters").path("skippedByCheckpoint").asLong()).isZero();
    assertThat(checkpoint.resolve("sluice").resolve("report.html")).isRegularFile();
  }

  @Test
  void anEpochSparkReplaysAfterSluiceCommittedItIsCountedAsDeliveredAndSendsNothing(EsHandle es)
      throws Exception {
    String index = newIndex(es);
    // A driver that died after Sluice's commit of epoch 2 and before Spark's commit log.
    StreamingQuery replay = threeEpochsThenReplayTheLast(index, false);

    assertThat(replay.exception().isEmpty()).isTrue();
    assertExact(es, index, 3);
    List<StreamingQueryProgress> epochs = withSinkMetrics(replay);
    assertThat(epochs).hasSize(1);
    Map<String, String> m = epochs.get(0).sink().metrics();
    assertThat(m.get("sluiceEpoch")).isEqualTo("2");
    assertThat(m.get("sluiceDocumentsSkipped")).isEqualTo(Integer.toString(ROWS_PER_FILE));
    assertThat(m.get("sluiceDocumentsIndexed")).isEqualTo("0");
    assertThat(m.get("sluiceDocumentsDeadLettered")).isEqualTo("0");
    // The replayed epoch adds nothing to the query's totals: its rows were counted once.
    JsonNode report = report(checkpoint.resolve("sluice").resolve("report.json"));
    assertReportIsExact(report, index, 3);
    assertThat(report.path("counters").path("skippedByCheckpoint").asLong()).isZero();
    assertThat(report.path("checkpoint").asText()).contains("3 epochs committed (0 to 2)");
  }

  @Test
  void anEpochReplayedBeforeSluiceRecordedItIsSentAgainAndItsDeadLettersReplaced(EsHandle es)
      throws Exception {
    String index = newIndex(es);
    // A driver that died after epoch 2's dead letters were published, before Sluice recorded it.
    StreamingQuery replay = threeEpochsThenReplayTheLast(index, true);

    assertThat(replay.exception().isEmpty()).isTrue();
    assertExact(es, index, 3);
    Map<String, String> m = withSinkMetrics(replay).get(0).sink().metrics();
    assertThat(m.get("sluiceEpoch")).isEqualTo("2");
    assertThat(m.get("sluiceDocumentsSkipped")).isEqualTo("0");
    assertThat(m.get("sluiceDocumentsDeadLettered")).isEqualTo(Long.toString(badRowsIn(2)));
    assertThat(sluiceEpochs()).containsExactly("0", "1", "2");
  }

  @Test
  void aWriterOverTheToleranceStopsTheQueryWithTheReason(EsHandle es) throws Exception {
    String index = newIndex(es);
    writeFile(0);
    StreamingQuery query =
        start(index, Trigger.AvailableNow(), 1, Map.of("sluice.deadletter.max.count", "1"));
    Throwable failure = catchThrowable(query::awaitTermination);

    assertThat(failure).isInstanceOf(StreamingQueryException.class);
    assertThat(query.exception().isDefined()).isTrue();
    assertThat(rootMessages(query.exception().get())).contains("sluice.deadletter.max.count=1");
    assertThat(sluiceEpochs()).isEmpty();
    assertThat(deadLetteredKeys()).isEmpty();
  }

  /** Two partitions of 50 rows, each below the ratio's minimum: only the epoch's sum is judged. */
  @Test
  void anEpochOverTheToleranceStopsTheQueryWithTheReasonAndCommitsNothing(EsHandle es)
      throws Exception {
    String index = newIndex(es);
    writeFile(0);
    writeFile(1);
    Map<String, String> tolerance =
        Map.of("sluice.deadletter.max.ratio", "0.01", "sluice.deadletter.ratio.min.docs", "80");
    StreamingQuery query = start(index, Trigger.AvailableNow(), 2, tolerance);
    Throwable failure = catchThrowable(query::awaitTermination);

    assertThat(failure).isInstanceOf(StreamingQueryException.class);
    assertThat(rootMessages(query.exception().get()))
        .contains("epoch 0")
        .contains("sluice.deadletter.max.ratio")
        .contains("runs it again");
    assertThat(sluiceEpochs()).isEmpty();
    assertThat(deadLetteredKeys()).isEmpty();
    JsonNode report = report(checkpoint.resolve("sluice").resolve("report.json"));
    assertThat(report.path("ended").asText()).isEqualTo("stopped_by_tolerance");
    assertThat(report.path("cause").asText()).contains("epoch 0");
    assertThat(report.path("counters").path("read").asLong())
        .as("the stopped epoch is not counted")
        .isZero();
  }

  @Test
  void completeAndUpdateModesAndAMissingCheckpointLocationAreRefused(EsHandle es) {
    String index = newIndex(es);
    Throwable complete =
        catchThrowable(
            () ->
                spark
                    .readStream()
                    .format("rate")
                    .load()
                    .groupBy("value")
                    .count()
                    .writeStream()
                    .format("sluice")
                    .outputMode("complete")
                    .options(options(es, index))
                    .option("checkpointLocation", checkpoint.toString())
                    .start()
                    .processAllAvailable());
    assertThat(rootMessages(complete)).contains("append output mode only");

    // Spark asks the write builder for update mode's own interface, which Sluice does not offer.
    Throwable update =
        catchThrowable(
            () ->
                spark
                    .readStream()
                    .format("rate")
                    .load()
                    .writeStream()
                    .format("sluice")
                    .outputMode("update")
                    .options(options(es, index))
                    .option("checkpointLocation", checkpoint.resolve("update").toString())
                    .start()
                    .processAllAvailable());
    assertThat(rootMessages(update)).contains("does not support Update mode");

    Throwable noCheckpoint =
        catchThrowable(
            () ->
                spark
                    .readStream()
                    .format("rate")
                    .load()
                    .writeStream()
                    .format("sluice")
                    .options(options(es, index))
                    .start()
                    .processAllAvailable());
    assertThat(rootMessages(noCheckpoint)).contains("checkpointLocation");
  }

  /**
   * Runs three epochs, then restarts the query as after a driver crash that Spark's commit log of
   * epoch 2 did not survive, so Spark runs epoch 2 again.
   *
   * @param sluiceToo Sluice's record of epoch 2 did not survive either
   */
  private StreamingQuery threeEpochsThenReplayTheLast(String index, boolean sluiceToo)
      throws Exception {
    for (int f = 0; f < 3; f++) {
      writeFile(f);
    }
    start(index, Trigger.AvailableNow(), Map.of()).awaitTermination();
    Files.delete(checkpoint.resolve("commits").resolve("2"));
    Files.deleteIfExists(checkpoint.resolve("commits").resolve(".2.crc"));
    if (sluiceToo) {
      Files.delete(checkpoint.resolve("sluice").resolve("commits").resolve("2"));
    }
    StreamingQuery replay = start(index, Trigger.AvailableNow(), Map.of());
    replay.awaitTermination();
    return replay;
  }

  private StreamingQuery start(String index, Trigger trigger, Map<String, String> extra)
      throws TimeoutException {
    return start(index, trigger, 1, extra);
  }

  private StreamingQuery start(
      String index, Trigger trigger, int filesPerTrigger, Map<String, String> extra)
      throws TimeoutException {
    Map<String, String> options = options(null, index);
    options.putAll(extra);
    return spark
        .readStream()
        .schema("key STRING, code STRING")
        .option("maxFilesPerTrigger", Integer.toString(filesPerTrigger))
        .json(input.toString())
        .writeStream()
        .format("sluice")
        .options(options)
        .option("checkpointLocation", checkpoint.toString())
        .trigger(trigger)
        .start();
  }

  private EsHandle current;

  private String newIndex(EsHandle es) {
    current = es;
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    return index;
  }

  private Map<String, String> options(EsHandle es, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", (es == null ? current : es).url());
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    return options;
  }

  /** Rows {@code f*ROWS_PER_FILE} up to the next file's first, written whole then renamed in. */
  private static final Instant FILES_WRITTEN_FROM = Instant.now().minus(Duration.ofHours(1));

  private void writeFile(int f) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = f * ROWS_PER_FILE; i < (f + 1) * ROWS_PER_FILE; i++) {
      String code = i % 7 == 0 ? "not-a-number" : Integer.toString(i);
      lines.append(String.format("{\"key\":\"k-%05d\",\"code\":\"%s\"}%n", i, code));
    }
    Path tmp = out.resolve("part-" + f + ".json.tmp");
    Files.writeString(tmp, lines);
    // Spark's file source takes files oldest first; files written within one tick of the clock
    // tie, and epoch N then held another file than part-N (its dead letters did not match).
    Files.setLastModifiedTime(tmp, FileTime.from(FILES_WRITTEN_FROM.plusSeconds(f)));
    Files.move(tmp, input.resolve("part-" + f + ".json"));
  }

  /** One good row, {@code k-1<row>}, in a file of its own. */
  private void writeOneRowFile(int row) throws IOException {
    Path tmp = out.resolve("one-" + row + ".json.tmp");
    Files.writeString(tmp, String.format("{\"key\":\"k-1%04d\",\"code\":\"%d\"}%n", row, row));
    Files.move(tmp, input.resolve("one-" + row + ".json"));
  }

  private static long badRowsIn(int file) {
    return IntStream.range(file * ROWS_PER_FILE, (file + 1) * ROWS_PER_FILE)
        .filter(i -> i % 7 == 0)
        .count();
  }

  private void assertExact(EsHandle es, String index, int files) throws IOException {
    es.client().refresh(index);
    long bad = 0;
    List<String> badKeys = new ArrayList<>();
    for (int i = 0; i < files * ROWS_PER_FILE; i++) {
      if (i % 7 == 0) {
        bad++;
        badKeys.add(String.format("k-%05d", i));
      }
    }
    assertThat(es.client().count(index)).isEqualTo(files * ROWS_PER_FILE - bad);
    assertThat(deadLetteredKeys()).isEqualTo(badKeys);
  }

  private static JsonNode report(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  /** The query's report counts every row of the first {@code files} files once. */
  private static void assertReportIsExact(JsonNode report, String index, int files) {
    long rows = (long) files * ROWS_PER_FILE;
    long bad = IntStream.range(0, files).mapToLong(StreamingSinkIT::badRowsIn).sum();
    JsonNode counters = report.path("counters");
    assertThat(report.path("reconciles").asBoolean()).as(report.toString()).isTrue();
    assertThat(counters.path("read").asLong()).isEqualTo(rows);
    assertThat(counters.path("indexed").asLong()).isEqualTo(rows - bad);
    assertThat(counters.path("deadLettered").asLong()).isEqualTo(bad);
    assertThat(counters.path("deadLetteredByReason").path("document_parsing_exception").asLong())
        .as(counters.toString())
        .isEqualTo(bad);
    assertThat(counters.path("byIndex").path(index).path("indexed").asLong()).isEqualTo(rows - bad);
    assertThat(counters.path("byIndex").path(index).path("deadLettered").asLong()).isEqualTo(bad);
  }

  private List<String> deadLetteredKeys() throws IOException {
    List<String> keys = new ArrayList<>();
    Path dead = out.resolve("dead");
    if (!Files.isDirectory(dead)) {
      return keys;
    }
    for (DeadLetterRecord r :
        new DeadLetterReader(new LocalFileStorage()).readAll(dead.toString())) {
      keys.add(r.id());
    }
    keys.sort(null);
    return keys;
  }

  private List<String> sluiceEpochs() throws IOException {
    Path dir = checkpoint.resolve("sluice").resolve("commits");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    }
  }

  /** The progress of each epoch that wrote to the sink (an idle trigger reports none). */
  private static List<StreamingQueryProgress> withSinkMetrics(StreamingQuery query) {
    List<StreamingQueryProgress> epochs = new ArrayList<>();
    for (StreamingQueryProgress p : query.recentProgress()) {
      if (p.sink().metrics().containsKey("sluiceEpoch") && p.numInputRows() > 0) {
        epochs.add(p);
      }
    }
    return epochs;
  }

  private static String rootMessages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }
}
