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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The connector end to end: a real local SparkSession writing into the real local node. */
@ExtendWith(ElasticsearchExtension.class)
class SluiceSparkIT {
  private static final int ROWS = 20_000;
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-spark-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /**
   * Every 500th row has a non-numeric code (the mapping rejects it), every 1500th an amount of NaN
   * (JSON cannot carry it), every 2500th a null id.
   */
  private static Dataset<Row> rows() {
    return spark
        .range(0, ROWS, 1, 4)
        .selectExpr(
            "IF(id % 2500 = 11, NULL, format_string('k-%06d', id)) AS key",
            "IF(id % 500 = 7, 'not-a-number', CAST(id AS STRING)) AS code",
            "IF(id % 1500 = 3, double('NaN'), id / 10.0) AS amount",
            "named_struct('city', 'Berlin', 'zip', CAST(id % 100 AS INT)) AS address",
            "array(id, id + 1) AS pair",
            "date_add(DATE'2026-01-01', CAST(id % 365 AS INT)) AS day");
  }

  private static boolean mappingBad(long id) {
    return id % 500 == 7;
  }

  private static boolean nanBad(long id) {
    return id % 1500 == 3;
  }

  private static boolean nullId(long id) {
    return id % 2500 == 11;
  }

  private Map<String, String> options(EsHandle es, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    options.put("sluice.report.path", out.resolve("report.json").toString());
    return options;
  }

  private static void createIndex(EsHandle es, String index) {
    String mapping =
        "{\"mappings\":{\"properties\":{\"key\":{\"type\":\"keyword\"},"
            + "\"code\":{\"type\":\"long\"},\"amount\":{\"type\":\"double\"},"
            + "\"day\":{\"type\":\"date\"}}},"
            + "\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}";
    assertThat(es.client().createIndex(index, mapping).isSuccess()).isTrue();
  }

  @Test
  void loadsEveryGoodRowAndDeadLettersEveryBadOneWithItsReason(EsHandle es) throws IOException {
    String index = es.newIndexName();
    createIndex(es, index);

    rows().write().format("sluice").mode("append").options(options(es, index)).save();

    long expectedNaN = 0;
    long expectedMapping = 0;
    long expectedNullId = 0;
    for (long id = 0; id < ROWS; id++) {
      if (nullId(id) || nanBad(id)) {
        // Sluice refuses these before sending; a null id is checked first.
        if (nullId(id)) {
          expectedNullId++;
        } else {
          expectedNaN++;
        }
      } else if (mappingBad(id)) {
        expectedMapping++;
      }
    }
    long expectedBad = expectedNaN + expectedMapping + expectedNullId;
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS - expectedBad);

    List<DeadLetterRecord> dead = readDeadLetters(out.resolve("dead"));
    assertThat(dead).hasSize((int) expectedBad);
    assertThat(dead.stream().filter(d -> d.errorType().equals("document_parsing_exception")))
        .hasSize((int) expectedMapping)
        .allSatisfy(d -> assertThat(d.reason()).contains("[code]"));
    assertThat(dead.stream().filter(d -> d.reason().contains("field 'amount'")))
        .hasSize((int) expectedNaN)
        .allSatisfy(d -> assertThat(d.errorType()).isEqualTo("row_conversion_exception"));
    assertThat(dead.stream().filter(d -> d.reason().contains("document id is null")))
        .hasSize((int) expectedNullId);
    assertThat(dead).allSatisfy(d -> assertThat(d.position()).startsWith("partition "));
    DeadLetterRecord oneMapping =
        dead.stream()
            .filter(d -> "k-000007".equals(d.id()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("row 7 is not in the dead letters"));
    assertThat(new String(oneMapping.source(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"code\":\"not-a-number\"");

    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(report.path("reconciles").asBoolean()).isTrue();
    assertThat(report.path("counters").path("read").asLong()).isEqualTo(ROWS);
    assertThat(report.path("counters").path("deadLettered").asLong()).isEqualTo(expectedBad);
    assertThat(report.path("dead_letter_files")).hasSize(4);
  }

  @Test
  void aReRunWithTheSameIdsReplacesDocumentsInsteadOfDuplicatingThem(EsHandle es) {
    String index = es.newIndexName();
    createIndex(es, index);
    Dataset<Row> good =
        rows().where("key IS NOT NULL AND code <> 'not-a-number' AND NOT isnan(amount)");
    long expected = good.count();

    good.write().format("sluice").mode("append").options(options(es, index)).save();
    good.write().format("sluice").mode("append").options(options(es, index)).save();

    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(expected);
  }

  @Test
  void sessionSettingsInEsHadoopStyleApplyAndWriterOptionsWin(EsHandle es) {
    String index = es.newIndexName();
    createIndex(es, index);
    Map<String, String> options = options(es, index);
    options.remove("es.nodes");
    spark.conf().set("spark.es.nodes", es.url());
    spark.conf().set("spark.es.resource", "an-index-the-writer-option-overrides");
    try {
      spark
          .range(0, 100)
          .selectExpr("CAST(id AS STRING) AS key")
          .write()
          .format("sluice")
          .mode("append")
          .options(options)
          .save();
    } finally {
      spark.conf().unset("spark.es.nodes");
      spark.conf().unset("spark.es.resource");
    }
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(100);
  }

  /**
   * The node is not on localhost:9200: were the plain es.* session keys dropped, the load would go
   * there and fail; were es_mapping_id dropped, the documents would get hash ids.
   */
  @Test
  void plainEsSessionKeysAndSqlStyleWriterOptionsAreReadAsElasticsearchHadoopReadsThem(
      EsHandle es) {
    String index = es.newIndexName();
    spark.conf().set("es.nodes", "127.0.0.1");
    spark.conf().set("es.port", String.valueOf(es.port()));
    try {
      spark
          .range(0, 10)
          .selectExpr("concat('doc-', id) AS id", "id AS n")
          .write()
          .format("sluice")
          .mode("append")
          .option("es_mapping_id", "id")
          .option("sluice_deadletter_path", out.resolve("dead").toString())
          .save(index);
    } finally {
      spark.conf().unset("es.nodes");
      spark.conf().unset("es.port");
    }
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      assertThat(es.client().get("/" + index + "/_doc/doc-" + i).status()).isEqualTo(200);
    }
  }

  @Test
  void badOptionsFailOnTheDriverNamingTheOption(EsHandle es) {
    Map<String, String> options = options(es, es.newIndexName());
    options.put("sluice.bulk.concurency", "4");
    Dataset<Row> data = spark.range(0, 10).selectExpr("CAST(id AS STRING) AS key");

    assertThatThrownBy(() -> data.write().format("sluice").mode("append").options(options).save())
        .hasStackTraceContaining("sluice.bulk.concurency");

    Map<String, String> missingColumn = options(es, es.newIndexName());
    missingColumn.put("es.mapping.id", "no_such_column");
    assertThatThrownBy(
            () -> data.write().format("sluice").mode("append").options(missingColumn).save())
        .hasStackTraceContaining("es.mapping.id=no_such_column");
  }

  /**
   * What Sluice cannot honour exactly stops the write on the driver with one message naming the
   * option or the index: no task runs, no document is sent, no index is created.
   */
  @Test
  void whatSluiceCannotHonourIsRefusedBeforeAnyTaskStarts(EsHandle es) throws Exception {
    Dataset<Row> data = spark.range(0, 10).selectExpr("CAST(id AS STRING) AS key");
    String missing = es.newIndexName();
    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    cases.put("es.ingest.pipeline", with(options(es, missing), "es.ingest.pipeline", "enrich"));
    cases.put(
        "es.write.operation=delete",
        without(with(options(es, missing), "es.write.operation", "delete"), "es.mapping.id"));
    cases.put("Invalid index 'Orders'", with(options(es, missing), "es.resource", "Orders"));
    cases.put(
        "Index '" + missing + "' does not exist",
        with(options(es, missing), "es.index.auto.create", "false"));
    AtomicInteger tasks = new AtomicInteger();
    SparkListener countTasks =
        new SparkListener() {
          @Override
          public void onTaskStart(SparkListenerTaskStart start) {
            tasks.incrementAndGet();
          }
        };
    spark.sparkContext().addSparkListener(countTasks);
    try {
      cases.forEach(
          (message, options) ->
              assertThatThrownBy(
                      () -> data.write().format("sluice").mode("append").options(options).save())
                  .as(message)
                  .hasStackTraceContaining(message));
    } finally {
      spark.sparkContext().listenerBus().waitUntilEmpty();
      spark.sparkContext().removeSparkListener(countTasks);
    }
    assertThat(tasks).hasValue(0);
    assertThat(es.client().get("/" + missing).status()).isEqualTo(404);
  }

  private static Map<String, String> with(Map<String, String> options, String key, String value) {
    options.put(key, value);
    return options;
  }

  private static Map<String, String> without(Map<String, String> options, String key) {
    options.remove(key);
    return options;
  }

  @Test
  void binaryIdsAreTheBase64UrlOfTheBytes(EsHandle es) {
    String index = es.newIndexName();
    Map<String, String> options = with(options(es, index), "es.mapping.id", "raw");
    spark
        .range(0, 50)
        .selectExpr("unhex(format_string('FBFF%02X', id)) AS raw", "id")
        .write()
        .format("sluice")
        .mode("append")
        .options(options)
        .save();

    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(50);
    assertThat(es.client().get("/" + index + "/_doc/-_8A").status()).isEqualTo(200);
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
