package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real node (no ingest processors, no script language): a missing pipeline and a script the
 * node cannot run stop the job on the driver before any document is written; a pattern writes each
 * row into its own index, counted and refreshed per index.
 */
@ExtendWith(ElasticsearchExtension.class)
class WriteActionsIT {
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-write-actions-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** 300 rows: key k-000..k-299, service a/b/c by key, and one row (k-299) without a service. */
  private static Dataset<Row> rows() {
    return spark
        .range(0, 300, 1, 3)
        .selectExpr(
            "format_string('k-%03d', id) AS key",
            "CASE WHEN id = 299 THEN NULL ELSE element_at(array('a', 'b', 'c'), CAST(id % 3 + 1 AS"
                + " INT)) END AS svc",
            "id AS n");
  }

  private Map<String, String> options(EsHandle es, String resource, String... more) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", resource);
    options.put("es.mapping.id", "key");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    for (int i = 0; i < more.length; i += 2) {
      options.put(more[i], more[i + 1]);
    }
    return options;
  }

  /** The job fails on the driver with {@code message}, and the index was never created. */
  private void refusedBeforeWriting(EsHandle es, String message, String... more) {
    String index = es.newIndexName();

    assertThatThrownBy(
            () ->
                rows()
                    .write()
                    .format("sluice")
                    .mode("append")
                    .options(options(es, index, more))
                    .save())
        .hasStackTraceContaining(message);
    assertThat(es.client().get("/" + index).status()).as("nothing was written").isEqualTo(404);
  }

  @Test
  void aMissingPipelineStopsTheJobBeforeAnyDocumentIsWritten(EsHandle es) {
    refusedBeforeWriting(
        es,
        "Ingest pipeline 'no-such-pipeline' (es.ingest.pipeline) does not exist",
        "es.ingest.pipeline",
        "no-such-pipeline");
  }

  @Test
  void aScriptTheNodeCannotRunStopsTheJobBeforeAnyDocumentIsWritten(EsHandle es) {
    refusedBeforeWriting(
        es,
        "cannot run inline painless scripts",
        "es.write.operation",
        "upsert",
        "es.update.script.inline",
        "ctx._source.n += 1");
  }

  @Test
  void aPatternWritesEachRowIntoItsIndexCountsAndRefreshesEach(EsHandle es) throws Exception {
    String base = es.newIndexName();
    Path report = out.resolve("report.json");

    rows()
        .write()
        .format("sluice")
        .mode("append")
        .options(options(es, base + "-{svc}", "sluice.report.path", report.toString()))
        .save();

    for (String svc : new String[] {"a", "b", "c"}) {
      assertThat(es.client().count(base + "-" + svc))
          .as(svc)
          .isEqualTo(100 - (svc.equals("c") ? 1 : 0));
    }
    JsonNode byIndex = new ObjectMapper().readTree(Files.readString(report)).findValue("byIndex");
    assertThat(byIndex.path(base + "-a").path("indexed").asLong()).isEqualTo(100);
    assertThat(byIndex.path(base + "-c").path("indexed").asLong()).isEqualTo(99);
    assertThat(byIndex.size()).as("the row without a service made no index").isEqualTo(3);
  }
}
