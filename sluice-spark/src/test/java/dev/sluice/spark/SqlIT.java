package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL as elasticsearch-hadoop users write it: views and tables USING sluice, INSERT INTO/OVERWRITE.
 */
@ExtendWith(ElasticsearchExtension.class)
class SqlIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir static Path warehouse;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .appName("sluice-sql-it")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.warehouse.dir", warehouse.resolve("warehouse").toString())
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static String options(EsHandle es, String index) {
    return "OPTIONS (resource '" + index + "', nodes '" + es.url() + "', es_mapping_id 'id')";
  }

  private static void createIndex(EsHandle es, String index) {
    String body =
        "{\"mappings\":{\"properties\":{\"id\":{\"type\":\"long\"},"
            + "\"name\":{\"type\":\"keyword\"},\"price\":{\"type\":\"double\"},"
            + "\"seen\":{\"type\":\"date\"},"
            + "\"shop\":{\"properties\":{\"city\":{\"type\":\"text\"}}}}}}";
    assertThat(es.client().createIndex(index, body).isSuccess()).isTrue();
  }

  private static long count(EsHandle es, String index) {
    es.client().refresh(index);
    return es.client().count(index);
  }

  private static JsonNode source(EsHandle es, String index, String id) throws Exception {
    return JSON.readTree(es.client().get("/" + index + "/_doc/" + id).body()).path("_source");
  }

  @Test
  void temporaryViewTakesInsertIntoAndInsertOverwrite(EsHandle es) throws Exception {
    String index = es.newIndexName();
    spark.sql(
        "CREATE TEMPORARY VIEW v_insert (id BIGINT, name STRING) USING sluice "
            + options(es, index));

    spark.sql("INSERT INTO v_insert VALUES (1, 'one'), (2, 'two')");
    spark.sql("INSERT INTO v_insert SELECT id + 10, concat('n', id) FROM range(3)");
    assertThat(count(es, index)).isEqualTo(5);
    assertThat(source(es, index, "11").path("name").asText()).isEqualTo("n1");

    spark.sql("INSERT OVERWRITE TABLE v_insert SELECT id + 100, 'fresh' FROM range(2)");
    assertThat(count(es, index)).isEqualTo(2);
    assertThat(source(es, index, "101").path("name").asText()).isEqualTo("fresh");
    assertThat(es.client().get("/" + index + "/_doc/1").status()).isEqualTo(404);
  }

  @Test
  void viewWithoutColumnsTakesThemFromTheMapping(EsHandle es) throws Exception {
    String index = es.newIndexName();
    createIndex(es, index);
    spark.sql("CREATE TEMPORARY VIEW v_mapped USING sluice " + options(es, index));

    StructType schema = spark.table("v_mapped").schema();
    assertThat(schema.apply("id").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(schema.apply("seen").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("shop").dataType())
        .isEqualTo(new StructType().add("city", DataTypes.StringType, true));

    spark.sql(
        "INSERT INTO v_mapped SELECT 7, 'seven', 7.5, TIMESTAMP'2026-01-02 03:04:05',"
            + " named_struct('city', 'Berlin')");
    assertThat(count(es, index)).isEqualTo(1);
    JsonNode seven = source(es, index, "7");
    assertThat(seven.path("price").asDouble()).isEqualTo(7.5);
    assertThat(seven.path("shop").path("city").asText()).isEqualTo("Berlin");
  }

  @Test
  void tableInTheSessionCatalogTakesInsertIntoAndInsertOverwrite(EsHandle es) throws Exception {
    String index = es.newIndexName();
    spark.sql("CREATE TABLE t_listed (id BIGINT, name STRING) USING sluice " + options(es, index));

    spark.sql("INSERT INTO t_listed VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    assertThat(count(es, index)).isEqualTo(3);
    spark.sql("INSERT INTO t_listed SELECT 4, 'four'");
    assertThat(count(es, index)).isEqualTo(4);

    spark.sql("INSERT OVERWRITE TABLE t_listed SELECT id, 'again' FROM range(1, 3)");
    assertThat(count(es, index)).isEqualTo(2);
    assertThat(source(es, index, "2").path("name").asText()).isEqualTo("again");
    assertThat(es.client().get("/" + index + "/_doc/3").status()).isEqualTo(404);
  }

  @Test
  void tableWithoutColumnsTakesThemFromTheMapping(EsHandle es) throws Exception {
    String index = es.newIndexName();
    createIndex(es, index);
    spark.sql("CREATE TABLE t_mapped USING sluice " + options(es, index));

    assertThat(spark.table("t_mapped").schema().fieldNames())
        .containsExactly("id", "name", "price", "seen", "shop");
    spark.sql(
        "INSERT INTO t_mapped SELECT 9, 'nine', 1.0, TIMESTAMP'2026-01-02 03:04:05',"
            + " named_struct('city', 'Paris')");
    spark.sql(
        "INSERT OVERWRITE TABLE t_mapped SELECT 10, 'ten', 2.0, NULL, named_struct('city', 'Rome')");
    assertThat(count(es, index)).isEqualTo(1);
    assertThat(source(es, index, "10").path("shop").path("city").asText()).isEqualTo("Rome");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM t_mapped").collectAsList())
        .hasStackTraceContaining("cannot be read from");
  }

  @Test
  void aMissingIndexWithoutColumnsIsAClearError(EsHandle es) {
    String index = es.newIndexName();
    assertThatThrownBy(
            () -> spark.sql("CREATE TEMPORARY VIEW v_missing USING sluice " + options(es, index)))
        .hasStackTraceContaining("Index '" + index + "' does not exist")
        .hasStackTraceContaining("give the columns");
    // Spark 4 reads the columns when the table is created; Spark 3.5 stores a table without
    // columns and reads them when the table is first used.
    assertThatThrownBy(
            () -> {
              spark.sql("CREATE TABLE t_missing USING sluice " + options(es, index));
              spark.table("t_missing");
            })
        .hasStackTraceContaining("Index '" + index + "' does not exist")
        .hasStackTraceContaining("give the columns");
  }

  @Test
  void readingIsRefusedWithAClearMessage(EsHandle es) {
    String index = es.newIndexName();
    createIndex(es, index);
    spark.sql("CREATE TEMPORARY VIEW v_read USING sluice " + options(es, index));
    assertThatThrownBy(() -> spark.sql("SELECT * FROM v_read").collectAsList())
        .hasStackTraceContaining("cannot be read from");
  }
}
