package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * The report of a run that did not finish says how it ended and never that it reconciles what its
 * failed tasks did not report.
 */
@ExtendWith(ElasticsearchExtension.class)
class RunReportIT {
  private static final int PARTITIONS = 4;
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-run-report-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Every 10th row has a code the index's mapping (long) refuses. */
  private static Dataset<Row> rows(long count) {
    return spark
        .range(0, count, 1, PARTITIONS)
        .selectExpr(
            "format_string('k-%06d', id) AS key",
            "IF(id % 10 = 3, 'not-a-number', CAST(id AS STRING)) AS code");
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

  private static String createIndex(EsHandle es) {
    String index = es.newIndexName();
    String mapping =
        "{\"mappings\":{\"properties\":{\"key\":{\"type\":\"keyword\"},"
            + "\"code\":{\"type\":\"long\"}}},"
            + "\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}";
    assertThat(es.client().createIndex(index, mapping).isSuccess()).isTrue();
    return index;
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void aFinishedRunSaysSoWithItsSpeedAndReconciles(EsHandle es) throws IOException {
    rows(2_000)
        .write()
        .format("sluice")
        .mode("append")
        .options(options(es, createIndex(es)))
        .save();

    JsonNode report = report();
    assertThat(report.get("ended").asText()).isEqualTo("finished");
    assertThat(report.has("cause")).isFalse();
    assertThat(report.get("reconciles").asBoolean()).isTrue();
    assertThat(report.at("/reconciliation/tasks_reported").asInt()).isEqualTo(PARTITIONS);
    assertThat(report.at("/counters/deadLettered").asLong()).isEqualTo(200);
    assertThat(report.get("elapsed_seconds").asDouble()).isPositive();
    assertThat(report.get("docs_per_second").asDouble()).isPositive();
  }

  @Test
  void aRunStoppedByTheToleranceSaysSoAndThatItsCountsArePartial(EsHandle es) throws IOException {
    Map<String, String> options = options(es, createIndex(es));
    options.put("sluice.deadletter.max.count", "5");

    Throwable failure =
        catchThrowable(
            () -> rows(2_000).write().format("sluice").mode("append").options(options).save());

    assertThat(failure).isNotNull();
    JsonNode report = report();
    assertThat(report.get("ended").asText())
        .as(report.toString())
        .isEqualTo("stopped_by_tolerance");
    assertThat(report.get("cause").asText()).contains("DeadLetterToleranceException");
    assertThat(report.get("reconciles").asBoolean()).isFalse();
    assertThat(report.at("/reconciliation/complete").asBoolean()).isFalse();
    assertThat(report.at("/reconciliation/tasks").asInt()).isEqualTo(PARTITIONS);
    assertThat(report.get("summary").asText()).contains("stopped by tolerance");
  }

  /**
   * Each writer sees 750 rejections, fewer than the 1,000 documents its own ratio check waits for;
   * the job as a whole rejected all 1,500, so the driver stops it at commit.
   */
  @Test
  void aJobThatRejectsEveryRowFailsHoweverItIsPartitioned(EsHandle es) throws IOException {
    Map<String, String> options = options(es, createIndex(es));
    Path checkpoint = out.resolve("checkpoint");
    options.put("sluice.checkpoint.path", checkpoint.toString());
    Dataset<Row> rejected =
        spark
            .range(0, 1_500, 1, 2)
            .selectExpr("format_string('k-%06d', id) AS key", "'not-a-number' AS code");

    Throwable failure =
        catchThrowable(
            () -> rejected.write().format("sluice").mode("append").options(options).save());

    assertThat(failure).as("a job that dead-lettered every row must not succeed").isNotNull();
    assertThat(failure)
        .hasStackTraceContaining("DeadLetterToleranceException")
        .hasStackTraceContaining("1500 of 1500")
        .hasStackTraceContaining("sluice.deadletter.max.ratio");
    JsonNode report = report();
    assertThat(report.get("ended").asText())
        .as(report.toString())
        .isEqualTo("stopped_by_tolerance");
    assertThat(report.get("cause").asText()).contains("sluice.deadletter.max.ratio");
    assertThat(report.at("/counters/deadLettered").asLong()).isEqualTo(1_500);
    assertThat(report.at("/reconciliation/tasks_reported").asInt()).isEqualTo(2);
    assertThat(checkpoint.resolve("finished.json"))
        .as("a rerun after fixing the mapping must not find the job finished")
        .doesNotExist();
  }

  @Test
  void aRunIntoAClosedIndexFailedAndSaysWhy(EsHandle es) throws IOException {
    String index = createIndex(es);
    assertThat(es.client().post("/" + index + "/_close", "").isSuccess()).isTrue();

    Throwable failure =
        catchThrowable(
            () ->
                rows(200)
                    .write()
                    .format("sluice")
                    .mode("append")
                    .options(options(es, index))
                    .save());

    assertThat(failure).isNotNull();
    JsonNode report = report();
    assertThat(report.get("ended").asText()).as(report.toString()).isEqualTo("failed");
    assertThat(report.get("cause").asText()).contains("ClusterFatalException");
    assertThat(report.get("reconciles").asBoolean()).isFalse();
  }

  @Test
  void aCancelledRunSaysItWasCancelled(EsHandle es) throws IOException {
    AtomicBoolean cancelled = new AtomicBoolean();
    SparkListener canceller =
        new SparkListener() {
          @Override
          public void onTaskStart(SparkListenerTaskStart start) {
            if (cancelled.compareAndSet(false, true)) {
              spark.sparkContext().cancelAllJobs();
            }
          }
        };
    spark.sparkContext().addSparkListener(canceller);
    try {
      Throwable failure =
          catchThrowable(
              () ->
                  rows(200_000)
                      .write()
                      .format("sluice")
                      .mode("append")
                      .options(options(es, createIndex(es)))
                      .save());
      assertThat(failure).isNotNull();
    } finally {
      spark.sparkContext().removeSparkListener(canceller);
    }

    JsonNode report = report();
    assertThat(report.get("ended").asText()).as(report.toString()).isEqualTo("cancelled");
    assertThat(report.get("reconciles").asBoolean()).isFalse();
  }
}
