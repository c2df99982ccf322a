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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
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

  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .appName("sluice-checkpoint-it")
            .master("local[2,1]") // one attempt per task: an injected failure fails the job
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark
        .udf()
        .register(
            "fail_once_at",
            (UDF1<Long, Long>)
                id -> {
                  if (id == FAILING_ROW && FAIL_ONCE.getAndSet(false)) {
                    throw new IllegalStateException("injected failure at row " + id);
                  }
                  return id;
                },
            DataTypes.LongType);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Every 500th row has a non-numeric code, which the mapping rejects (a dead letter). */
  private static Dataset<Row> rows() {
    return spark
        .range(0, ROWS, 1, PARTITIONS)
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

  private static void createIndex(EsHandle es, String index) {
    String mapping =
        "{\"mappings\":{\"properties\":{\"key\":{\"type\":\"keyword\"},"
            + "\"code\":{\"type\":\"long\"}}},"
            + "\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}";
    assertThat(es.client().createIndex(index, mapping).isSuccess()).isTrue();
  }

  private static void load(Map<String, String> options) {
    rows().write().format("sluice").mode("append").options(options).save();
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void aFinishedJobSendsNothingAndAnotherIndexIsRefused(EsHandle es) throws IOException {
    String index = es.newIndexName();
    createIndex(es, index);
    load(options(es, index));
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS - expectedDeadLetters());
    assertThat(report().path("checkpoint").asText()).startsWith("Checkpointing to ");
    assertThat(Files.exists(out.resolve("checkpoint").resolve("finished.json"))).isTrue();

    // Empty the index: if the resume sent anything, it would show.
    assertThat(es.client().delete(index).isSuccess()).isTrue();
    createIndex(es, index);
    load(options(es, index));
    es.client().refresh(index);
    assertThat(es.client().count(index)).isZero();
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
    createIndex(es, index);
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
    createIndex(es, index);
    FAIL_ONCE.set(true);
    assertThatThrownBy(() -> load(options(es, index)))
        .hasStackTraceContaining("injected failure at row " + FAILING_ROW);
    assertThat(FAIL_ONCE.get()).isFalse();
    assertThat(Files.exists(out.resolve("checkpoint").resolve("finished.json"))).isFalse();

    load(options(es, index));

    es.client().refresh(index);
    long expectedDead = expectedDeadLetters();
    assertThat(es.client().count(index)).isEqualTo(ROWS - expectedDead);
    JsonNode report = report();
    assertThat(report.path("checkpoint").asText()).startsWith("Resuming");
    JsonNode counters = report.path("counters");
    assertThat(counters.path("read").asLong()).isEqualTo(ROWS);
    assertThat(counters.path("skippedByCheckpoint").asLong()).isPositive();
    assertThat(report.path("reconciles").asBoolean()).isTrue();

    List<DeadLetterRecord> dead = readDeadLetters(out.resolve("dead"));
    assertThat(dead.stream().map(DeadLetterRecord::id).distinct()).hasSize((int) expectedDead);
    assertThat(dead).hasSize((int) expectedDead);
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
