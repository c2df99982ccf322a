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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * Loads into a data stream of the real local Elasticsearch, made by an index template with {@code
 * data_stream} (index templates are the user's job): the default {@code index} is sent as {@code
 * create}, rows without {@code @timestamp} are dead-lettered naming it, a retried task's creates
 * count as already delivered, and {@code update} is refused on the driver.
 */
@ExtendWith(ElasticsearchExtension.class)
class DataStreamIT {
  private static final int ROWS = 20_000;
  private static final long FAILING_ROW = 18_000; // in the second partition, 8,000 rows in

  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-data-stream-it", "local[2,2]"); // a failed task runs again
    FailOnce.register(spark);
    // Counts the rows tasks read: a write refused on the driver reads none.
    spark
        .udf()
        .register(
            "read_by_task",
            (UDF1<Long, Long>)
                id -> {
                  ROWS_READ_BY_TASKS.incrementAndGet();
                  return id;
                },
            DataTypes.LongType);
  }

  private static final AtomicLong ROWS_READ_BY_TASKS = new AtomicLong();

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** The minimal template the README shows, for data streams named {@code name}. */
  private static String dataStreamTemplate(EsHandle es) {
    String name = es.newIndexName() + "-ds";
    EsTestClient.Response made =
        es.client()
            .put(
                "/_index_template/" + name,
                "{\"index_patterns\":[\""
                    + name
                    + "*\"],\"data_stream\":{},\"priority\":500,"
                    + "\"template\":{\"mappings\":{\"properties\":{"
                    + "\"@timestamp\":{\"type\":\"date\"}}}}}");
    assertThat(made.isSuccess()).as(made.body()).isTrue();
    return name;
  }

  private Map<String, String> options(EsHandle es, String target) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", target);
    options.put("es.batch.size.entries", "500");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    options.put("sluice.report.path", out.resolve("report.json").toString());
    return options;
  }

  private Dataset<Row> rows(String timeColumn, String key) {
    return spark
        .range(0, ROWS, 1, 2)
        .selectExpr("fail_once_at(id) AS id")
        .selectExpr(
            key + " AS key",
            "id AS code",
            // every 1,000th row (20 in all) has no time
            "CASE WHEN id % 1000 = 7 THEN NULL ELSE timestamp_millis(1764000000000 + id) END AS `"
                + timeColumn
                + "`");
  }

  /** As {@link IndexCount#await}, for a data stream that its first write creates. */
  private static void awaitCount(EsHandle es, String stream, long docs) {
    for (int i = 0; i < 600; i++) {
      if (es.client().get("/_resolve/index/" + stream).isSuccess()) {
        IndexCount.await(es, stream, docs);
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(stream + " was never created");
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void theDefaultIndexOperationIsSentAsCreateAndRowsWithoutTimestampAreDeadLettered(EsHandle es)
      throws IOException {
    String stream = dataStreamTemplate(es) + "-app";
    Map<String, String> options = options(es, stream);
    options.put("es.mapping.id", "key");

    rows("@timestamp", "format_string('k-%06d', id)")
        .write()
        .format("sluice")
        .mode("append")
        .options(options)
        .save();

    es.client().refresh(stream);
    assertThat(es.client().count(stream)).isEqualTo(ROWS - 20);
    JsonNode counters = report().path("counters");
    assertThat(counters.path("deadLettered").asLong()).isEqualTo(20);
    assertThat(report().path("reconciles").asBoolean()).isTrue();
    assertThat(report().findValue("byIndex").path(stream).path("indexed").asLong())
        .as("counted under the data stream's name, not its backing index")
        .isEqualTo(ROWS - 20);
    List<DeadLetterRecord> dead =
        new DeadLetterReader(new LocalFileStorage()).readAll(out.resolve("dead").toString());
    assertThat(dead).hasSize(20);
    assertThat(dead)
        .allSatisfy(
            r -> {
              assertThat(r.reason()).contains("'@timestamp'").contains("data stream");
              assertThat(r.id()).startsWith("k-");
            });
  }

  @Test
  void aRetriedTasksCreatesWithContentIdsCountAsAlreadyDelivered(EsHandle es) throws IOException {
    String stream = dataStreamTemplate(es) + "-retry";
    Map<String, String> options = options(es, stream);
    options.put("es.write.operation", "create");
    options.put("sluice.datastream.timestamp.column", "event_time");
    // The failure waits until the stream holds every row read so far (less the 8 without time in
    // the first partition's 10,000 and the second's first 8,000), so the failed attempt is known
    // to have delivered them all.
    FailOnce.arm(FAILING_ROW, () -> awaitCount(es, stream, FAILING_ROW - 18));

    rows("event_time", "id % 5000").write().format("sluice").mode("append").options(options).save();

    assertThat(FailOnce.fired()).as("the injected failure happened").isTrue();
    es.client().refresh(stream);
    assertThat(es.client().count(stream)).isEqualTo(ROWS - 20);
    JsonNode counters = report().path("counters");
    // The second attempt sent the first one's 8,000 rows again (8 of them without time).
    assertThat(counters.path("alreadyDelivered").asLong()).isEqualTo(8_000 - 8);
    assertThat(counters.path("deadLettered").asLong()).isEqualTo(20);
    assertThat(counters.path("read").asLong()).isEqualTo(ROWS);
    assertThat(report().path("reconciles").asBoolean()).isTrue();
    JsonNode oneDocument =
        new ObjectMapper()
            .readTree(es.client().get("/" + stream + "/_search?size=1").body())
            .path("hits")
            .path("hits")
            .path(0)
            .path("_source");
    assertThat(oneDocument.has("@timestamp")).isTrue();
    assertThat(oneDocument.has("event_time")).isFalse();
  }

  @Test
  void appendingTheSameRowsAgainAddsNothingAndDeadLettersNoConflict(EsHandle es)
      throws IOException {
    String stream = dataStreamTemplate(es) + "-again";
    for (String run : List.of("first", "second")) { // the second finds an existing data stream
      Map<String, String> options = options(es, stream);
      options.put("sluice.deadletter.path", out.resolve(run).toString());
      options.put("sluice.report.path", out.resolve(run + ".json").toString());
      rows("@timestamp", "id % 5000")
          .write()
          .format("sluice")
          .mode("append")
          .options(options)
          .save();
    }

    es.client().refresh(stream);
    assertThat(es.client().count(stream)).isEqualTo(ROWS - 20);
    JsonNode second = new ObjectMapper().readTree(out.resolve("second.json").toFile());
    JsonNode counters = second.path("counters");
    // Each create met the identical document the first run wrote (409): merged, as for index.
    assertThat(counters.path("merged").asLong()).isEqualTo(ROWS - 20);
    assertThat(counters.path("deadLettered").asLong())
        .as("only the rows without a time")
        .isEqualTo(20);
    assertThat(second.path("reconciles").asBoolean()).isTrue();
  }

  @Test
  void anUpdateIntoADataStreamIsRefusedBeforeAnyTask(EsHandle es) {
    String stream = dataStreamTemplate(es) + "-update";
    Map<String, String> options = options(es, stream);
    options.put("es.write.operation", "update");
    options.put("es.mapping.id", "key");

    assertThatThrownBy(
            () ->
                rows("@timestamp", "id")
                    .write()
                    .format("sluice")
                    .mode("append")
                    .options(options)
                    .save())
        .hasStackTraceContaining("es.write.operation=update")
        .hasStackTraceContaining("data stream");
    assertThat(es.client().get("/_resolve/index/" + stream).status())
        .as("nothing was written")
        .isEqualTo(404);
  }

  /** A data stream holding 100 documents, appended by a first load. */
  private String streamOfOneHundred(EsHandle es, String suffix) {
    String stream = dataStreamTemplate(es) + suffix;
    spark
        .range(0, 100, 1, 2)
        .selectExpr("id AS key", "timestamp_millis(1764000000000 + id) AS `@timestamp`")
        .write()
        .format("sluice")
        .mode("append")
        .options(options(es, stream))
        .save();
    es.client().refresh(stream);
    assertThat(es.client().count(stream)).isEqualTo(100);
    return stream;
  }

  private static Dataset<Row> newRowsCountedByTasks() {
    ROWS_READ_BY_TASKS.set(0);
    return spark
        .range(1000, 1010, 1, 2)
        .selectExpr(
            "read_by_task(id) AS key", "timestamp_millis(1764000000000 + id) AS `@timestamp`");
  }

  @Test
  void anOverwriteIntoADataStreamIsRefusedBeforeAnyTaskAndItsDocumentsStay(EsHandle es) {
    String stream = streamOfOneHundred(es, "-overwrite");

    assertThatThrownBy(
            () ->
                newRowsCountedByTasks()
                    .write()
                    .format("sluice")
                    .mode("overwrite")
                    .options(options(es, stream))
                    .save())
        .hasStackTraceContaining("'" + stream + "' is a data stream")
        .hasStackTraceContaining("append-only")
        .hasStackTraceContaining("roll")
        .hasStackTraceContaining("mode(\"append\")");
    assertThat(ROWS_READ_BY_TASKS.get()).as("rows read by a task").isZero();
    es.client().refresh(stream);
    assertThat(es.client().count(stream)).as("the stream's documents").isEqualTo(100);
  }

  @Test
  void sqlInsertOverwriteAndAnUpdateIntoADataStreamAreRefusedBeforeAnyTask(EsHandle es) {
    String stream = streamOfOneHundred(es, "-sql");
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW v_stream (key BIGINT, `@timestamp` TIMESTAMP)"
            + " USING sluice OPTIONS (resource '"
            + stream
            + "', nodes '"
            + es.url()
            + "')");
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW v_stream_update (key BIGINT, `@timestamp` TIMESTAMP)"
            + " USING sluice OPTIONS (resource '"
            + stream
            + "', nodes '"
            + es.url()
            + "', es_write_operation 'update', es_mapping_id 'key')");
    newRowsCountedByTasks().createOrReplaceTempView("new_rows");

    assertThatThrownBy(() -> spark.sql("INSERT OVERWRITE TABLE v_stream SELECT * FROM new_rows"))
        .hasStackTraceContaining("'" + stream + "' is a data stream")
        .hasStackTraceContaining("append-only");
    assertThat(ROWS_READ_BY_TASKS.get()).as("rows read by a task").isZero();
    assertThatThrownBy(() -> spark.sql("INSERT INTO v_stream_update SELECT * FROM new_rows"))
        .hasStackTraceContaining("es.write.operation=update")
        .hasStackTraceContaining("append-only");
    assertThat(ROWS_READ_BY_TASKS.get()).as("rows read by a task").isZero();
    es.client().refresh(stream);
    assertThat(es.client().count(stream)).as("the stream's documents").isEqualTo(100);
  }
}
