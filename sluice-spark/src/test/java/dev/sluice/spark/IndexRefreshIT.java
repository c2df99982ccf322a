package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
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
 * {@code es.batch.write.refresh} as elasticsearch-hadoop users know it: by default every document
 * is searchable when {@code save()} returns. The index refreshes only when asked ({@code
 * refresh_interval: -1}), so only the driver's refresh can make the documents visible.
 */
@ExtendWith(ElasticsearchExtension.class)
class IndexRefreshIT {
  private static final int ROWS = 3_000;
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-index-refresh-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static Dataset<Row> rows() {
    return spark
        .range(0, ROWS, 1, 3)
        .selectExpr("format_string('k-%06d', id) AS key", "CAST(id AS STRING) AS code");
  }

  private static String indexThatNeverRefreshesByItself(EsHandle es) {
    String index = es.newIndexName();
    String body =
        "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0,"
            + "\"refresh_interval\":\"-1\"}}";
    assertThat(es.client().createIndex(index, body).isSuccess()).isTrue();
    return index;
  }

  private Map<String, String> options(EsHandle es, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    return options;
  }

  @Test
  void byDefaultEveryDocumentIsSearchableWhenSaveReturns(EsHandle es) {
    String index = indexThatNeverRefreshesByItself(es);

    rows().write().format("sluice").mode("append").options(options(es, index)).save();

    assertThat(es.client().count(index)).isEqualTo(ROWS);
  }

  @Test
  void withRefreshFalseTheIndexIsNotRefreshed(EsHandle es) {
    String index = indexThatNeverRefreshesByItself(es);
    Map<String, String> options = options(es, index);
    options.put("es.batch.write.refresh", "false");

    rows().write().format("sluice").mode("append").options(options).save();

    assertThat(es.client().count(index)).as("nothing refreshed the index").isZero();
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS);
  }
}
