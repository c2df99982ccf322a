package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import dev.sluice.testkit.EsTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint and resume through Spark, against the real local node. */
@ExtendWith(ElasticsearchExtension.class)
class CheckpointResumeIT {
  private static final int ROWS = 20_000;
  private static final int PARTITIONS = 4;
  private static final long FAILING_ROW = 17_000; // in the last partition, 2000 rows in

  /** Local mode: tasks run in this JVM, so a static flag reaches the UDF. */
  private static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

  /** The ids Spark read from the input (the UDF saw them), to tell which partitions were read. */
  private static final Set<Long> READ = ConcurrentHashMap.newKeySet();

  /** Called with every id the UDF sees; a test sets it to act at a given row. */
  private static volatile LongConsumer onRow = id -> {};

  /** Tasks started and not yet ended, as Spark's listener bus reports them. */
  private static final AtomicInteger RUNNING_TASKS = new AtomicInteger();

  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    // One attempt per task: an injected failure fails the job.
    spark = LocalSpark.session("sluice-checkpoint-it", "local[2,1]");
    spark
        .udf()
        .register(
            "fail_once_at",
            (UDF1<Long, Long>)
                id -> {
                  READ.add(id);
                  onRow.accept(id);
                  if (id == FAILING_ROW && FAIL_ONCE.getAndSet(false)) {
                    throw new IllegalStateException("injected failure at row " + id);
                  }
                  return id;
                },
            DataTypes.LongType);
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskStart(SparkListenerTaskStart taskStart) {
                RUNNING_TASKS.incrementAndGet();
              }

              @Override
              public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                RUNNING_TASKS.decrementAndGet();
              }
            });
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Every 500th row has a non-numeric code, which the mapping rejects (a dead letter). */
  private static Dataset<Row> rows() {
    return rows(PARTITIONS, false);
  }

  /**
   * The same rows in {@code partitions} partitions; {@code reversed} puts the last rows in the
   * first partition, so that every partition number holds other rows.
   */
  private static Dataset<Row> rows(int partitions, boolean reversed) {
    return spark
        .range(0, ROWS, 1, partitions)
        .selectExpr((reversed ? (ROWS - 1) + " - id" : "id") + " AS id")
        .selectExpr("fail_once_at(id) AS id")
        .selectExpr(
            "format_string('k-%06d', id) AS key",
            "IF(id % 500 = 7, 'not-a-number', CAST(id AS STRING)) AS code");
  }

  private static long expectedDeadLetters() {
    long n = 0;
    for (long id = 0; id < ROWS; id++) {
      n += id % 500 == 7 ? 1 : 0;
    }
    return n;
  }

  private Map<String, String> options(EsHandle es, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    options.put("es.batch.size.entries", "500");
    // One request at a time: rows settle in order, so nothing past the watermark was
    // dead-lettered when a run stops (see the report on out-of-order dead letters).
    options.put("sluice.bulk.concurrency", "1");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    options.put("sluice.report.path", out.resolve("report.json").toString());
    options.put("sluice.checkpoint.path", out.resolve("checkpoint").toString());
    options.put("sluice.checkpoint.every.rows", "1000");
    options.put("sluice.checkpoint.segment.rows", "700");
    return options;
  }

  private static void load(Map<String, String> options) {
    load(rows(), options);
  }

  private static void load(Dataset<Row> input, Map<String, String> options) {
    READ.clear();
    try {
      input.write().format("sluice").mode("append").options(options).save();
    } finally {
      onRow = id -> {};
      awaitTasksEnded();
    }
  }

  /**
   * save() throws as soon as one task fails, while Spark is still killing the job's other tasks: a
   * run started then would overlap them (their late writes, 409s and dead letters would count).
   */
  private static void awaitTasksEnded() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (RUNNING_TASKS.get() > 0) {
      assertThat(System.nanoTime()).as("tasks of the last job still running").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the last job's tasks", e);
      }
    }
  }

  /** The ids of the rows of the partitions the checkpoint records complete. */
  private Set<Long> idsOfCompletePartitions() throws IOException {
    Set<Long> ids = new HashSet<>();
    long perPartition = ROWS / PARTITIONS;
    for (int p = 0; p < PARTITIONS; p++) {
      Path file =
          out.resolve("checkpoint")
              .resolve("partitions")
              .resolve(String.format("part-%05d.json", p));
      if (Files.exists(file)
          && new ObjectMapper().readTree(file.toFile()).path("complete").asBoolean()) {
        LongStream.range(p * perPartition, (p + 1) * perPartition).forEach(ids::add);
      }
    }
    return ids;
  }

  private static Set<Long> allIds() {
    Set<Long> ids = new HashSet<>();
    LongStream.range(0, ROWS).forEach(ids::add);
    return ids;
  }

  /**
   * Spark 4 hands the writer its partition as an iterator, which a partition of a finished job
   * leaves unread; Spark 3.5 reads every row and calls write() with it, so the writer can only skip
   * them.
   */
  private static boolean finishedPartitionsGoUnread() {
    return !spark.version().startsWith("3.");
  }

  /**
   * After a resumed load: the index holds exactly the good rows, and the report says it resumed and
   * reconciles. Returns the report.
   */
  private JsonNode resumedToTheGoodRows(EsHandle es, String index) throws IOException {
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS - expectedDeadLetters());
    JsonNode report = report();
    assertThat(report.path("checkpoint").asText()).startsWith("Resuming");
    assertThat(report.path("reconciles").asBoolean()).isTrue();
    return report;
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void aFinishedJobSendsNothingAndAnotherIndexIsRefused(EsHandle es) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    load(options(es, index));
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS - expectedDeadLetters());
    assertThat(report().path("checkpoint").asText()).startsWith("Checkpointing to ");
    assertThat(Files.exists(out.resolve("checkpoint").resolve("finished.json"))).isTrue();

    // Empty the index: if the resume sent anything, it would show.
    assertThat(es.client().delete(index).isSuccess()).isTrue();
    KeyCodeIndex.create(es, index);
    load(options(es, index));
    es.client().refresh(index);
    assertThat(es.client().count(index)).isZero();
    assertThat(READ)
        .as("rows read from the input of a finished job")
        .isEqualTo(finishedPartitionsGoUnread() ? Set.of() : allIds());
    JsonNode report = report();
    assertThat(report.path("checkpoint").asText()).contains("already finished");
    assertThat(report.path("counters").path("skippedByCheckpoint").asLong()).isEqualTo(ROWS);
    assertThat(report.path("counters").path("indexed").asLong()).isZero();
    assertThat(report.path("reconciles").asBoolean()).isTrue();

    String other = es.newIndexName();
    assertThatThrownBy(() -> load(options(es, other)))
        .hasStackTraceContaining("[" + index + "]")
        .hasStackTraceContaining("[" + other + "]")
        .hasStackTraceContaining("sluice.checkpoint.path");
  }

  @Test
  void aCorruptPartitionFileIsReportedWithItsPath(EsHandle es) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    load(options(es, index));
    Path checkpoint = out.resolve("checkpoint");
    Files.delete(checkpoint.resolve("finished.json"));
    Path partition = checkpoint.resolve("partitions").resolve("part-00001.json");
    byte[] whole = Files.readAllBytes(partition);
    Files.write(partition, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> load(options(es, index)))
        .hasStackTraceContaining("Checkpoint file " + partition)
        .hasStackTraceContaining("Delete this file");
  }

  @Test
  void aLoadThatFailsMidwayResumesToExactlyTheRightIndex(EsHandle es) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    FAIL_ONCE.set(true);
    assertThatThrownBy(() -> load(options(es, index)))
        .hasStackTraceContaining("injected failure at row " + FAILING_ROW);
    assertThat(FAIL_ONCE.get()).isFalse();
    assertThat(Files.exists(out.resolve("checkpoint").resolve("finished.json"))).isFalse();
    Set<Long> complete = idsOfCompletePartitions();
    assertThat(complete).as("partitions the first run finished").isNotEmpty();

    load(options(es, index));

    // Finished partitions were read too: their rows are skipped only once their ids are checked.
    assertThat(READ).isEqualTo(allIds());
    long expectedDead = expectedDeadLetters();
    JsonNode counters = resumedToTheGoodRows(es, index).path("counters");
    assertThat(counters.path("read").asLong()).isEqualTo(ROWS);
    assertThat(counters.path("skippedByCheckpoint").asLong())
        .isGreaterThanOrEqualTo(complete.size());

    List<DeadLetterRecord> dead = readDeadLetters(out.resolve("dead"));
    assertThat(dead.stream().map(DeadLetterRecord::id).distinct()).hasSize((int) expectedDead);
    assertThat(dead).hasSize((int) expectedDead);
  }

  @Test
  void aResumedCreateLoadCountsConflictsOnRowsItMayHaveSentAsAlreadyDelivered(EsHandle es)
      throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    Map<String, String> options = options(es, index);
    options.put("es.write.operation", "create");
    FAIL_ONCE.set(true);
    assertThatThrownBy(() -> load(options)).hasStackTraceContaining("injected failure");
    // As if the failed run had delivered these rows of the unfinished partition without
    // recording them: the resumed run creates them again and gets 409s.
    StringBuilder bulk = new StringBuilder();
    long inserted = 0;
    for (long id = 18_000; id < 18_100; id++) {
      if (id % 500 == 7) {
        continue; // a bad row: the resumed run dead-letters it, as the first would have
      }
      inserted++;
      String key = String.format("k-%06d", id);
      bulk.append("{\"create\":{\"_id\":\"").append(key).append("\"}}\n");
      bulk.append("{\"key\":\"").append(key).append("\",\"code\":\"").append(id).append("\"}\n");
    }
    EsTestClient.Response response = es.client().bulk(index, bulk.toString());
    assertThat(response.isSuccess()).isTrue();
    assertThat(response.body()).contains("\"errors\":false");

    load(options);

    long expectedDead = expectedDeadLetters();
    JsonNode counters = resumedToTheGoodRows(es, index).path("counters");
    assertThat(counters.path("alreadyDelivered").asLong()).isGreaterThanOrEqualTo(inserted);
    List<DeadLetterRecord> dead = readDeadLetters(out.resolve("dead"));
    assertThat(dead).hasSize((int) expectedDead);
    assertThat(dead)
        .allSatisfy(
            d -> assertThat(d.errorType()).isNotEqualTo("version_conflict_engine_exception"));
  }

  @Test
  void aFirstCreateLoadDeadLettersDocumentsThatExistAlready(EsHandle es) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    assertThat(
            es.client().index(index, "k-000042", "{\"key\":\"k-000042\",\"code\":1}").isSuccess())
        .isTrue();
    Map<String, String> options = options(es, index);
    options.put("es.write.operation", "create");

    load(options);

    JsonNode counters = report().path("counters");
    assertThat(counters.path("alreadyDelivered").asLong()).isZero();
    List<DeadLetterRecord> dead = readDeadLetters(out.resolve("dead"));
    assertThat(dead).hasSize((int) expectedDeadLetters() + 1);
    assertThat(dead)
        .filteredOn(d -> "version_conflict_engine_exception".equals(d.errorType()))
        .extracting(DeadLetterRecord::id)
        .containsExactly("k-000042");
  }

  /** A first run that fails in its last partition, with the first partitions complete. */
  private void failMidway(EsHandle es, String index) throws IOException {
    KeyCodeIndex.create(es, index);
    FAIL_ONCE.set(true);
    assertThatThrownBy(() -> load(options(es, index)))
        .hasStackTraceContaining("injected failure at row " + FAILING_ROW);
    assertThat(idsOfCompletePartitions()).as("partitions the first run finished").isNotEmpty();
  }

  @Test
  void aRerunWithAnotherPartitionCountSendsEveryRowAgain(EsHandle es) throws IOException {
    String index = es.newIndexName();
    failMidway(es, index);

    load(rows(3, false), options(es, index));

    JsonNode report = resumedToTheGoodRows(es, index);
    assertThat(report.path("checkpoint").asText())
        .contains("split into 4 partitions then and into 3 now")
        .contains("every row is sent again");
    JsonNode counters = report.path("counters");
    assertThat(counters.path("read").asLong()).isEqualTo(ROWS);
    // No good row is skipped: only bad rows the earlier run dead-lettered, recognised by their
    // content wherever they are now, so that each is in the dead-letter store once.
    assertThat(counters.path("skippedByCheckpoint").asLong())
        .as("rows skipped")
        .isLessThanOrEqualTo(expectedDeadLetters());
    assertThat(READ).isEqualTo(allIds());
    assertEachBadRowDeadLetteredOnce();
  }

  private void assertEachBadRowDeadLetteredOnce() throws IOException {
    List<String> ids =
        readDeadLetters(out.resolve("dead")).stream().map(DeadLetterRecord::id).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize((int) expectedDeadLetters());
  }

  @Test
  void aRerunWhoseSameNumberedPartitionsHoldOtherRowsSendsThem(EsHandle es) throws IOException {
    String index = es.newIndexName();
    failMidway(es, index);

    // Same partition count, but partition 0 now holds the last rows, and so on.
    load(rows(PARTITIONS, true), options(es, index));

    JsonNode counters = resumedToTheGoodRows(es, index).path("counters");
    assertThat(counters.path("read").asLong()).isEqualTo(ROWS);
    // No recorded fingerprint matches: only the bad rows the first run dead-lettered are skipped.
    assertThat(counters.path("skippedByCheckpoint").asLong())
        .as("rows skipped")
        .isLessThanOrEqualTo(expectedDeadLetters());
    assertEachBadRowDeadLetteredOnce();
  }

  @Test
  void aCancelledLoadRecordsWhatSettledAndTheRerunSkipsExactlyThat(EsHandle es) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    Map<String, String> options = options(es, index);
    // No periodic progress writes: whatever is recorded was written by the abort.
    options.put("sluice.checkpoint.every.rows", "1000000");
    options.put("sluice.checkpoint.every", "1h");
    AtomicBoolean cancelled = new AtomicBoolean();
    onRow =
        id -> {
          if (id == 2_500 && !cancelled.getAndSet(true)) {
            IndexCount.await(es, index, 1_000);
            new Thread(() -> spark.sparkContext().cancelAllJobs()).start();
          }
        };
    assertThatThrownBy(() -> load(options)).hasStackTraceContaining("cancelled");
    assertThat(cancelled.get()).isTrue();
    long recorded = recordedRows();
    assertThat(recorded).as("settled rows the aborted tasks recorded").isPositive();
    es.client().refresh(index);
    assertThat(recorded).isLessThanOrEqualTo(es.client().count(index) + expectedDeadLetters());

    load(options(es, index));

    JsonNode counters = resumedToTheGoodRows(es, index).path("counters");
    assertThat(counters.path("skippedByCheckpoint").asLong()).isEqualTo(recorded);
  }

  /** Rows the progress files record as settled, over all partitions. */
  private long recordedRows() throws IOException {
    Path partitions = out.resolve("checkpoint").resolve("partitions");
    long rows = 0;
    try (Stream<Path> files = Files.list(partitions)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        rows += new ObjectMapper().readTree(file.toFile()).path("rows").asLong();
      }
    }
    return rows;
  }

  private static List<DeadLetterRecord> readDeadLetters(Path dir) throws IOException {
    DeadLetterReader reader = new DeadLetterReader(new LocalFileStorage());
    List<DeadLetterRecord> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        all.addAll(reader.readAll(file.toString()));
      }
    }
    return all;
  }
}
