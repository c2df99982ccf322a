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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a row becomes, end to end: {@code es.mapping.include}/{@code exclude} (the id column still
 * gives the id when left out of the body), {@code es.spark.dataframe.write.null} and {@code
 * es.input.json}.
 */
@ExtendWith(ElasticsearchExtension.class)
class RowShapeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("row-shape-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static Dataset<Row> people() {
    return spark
        .range(0, 4, 1, 2)
        .selectExpr(
            "CAST(id AS STRING) AS id",
            "IF(id = 1, NULL, concat('name-', id)) AS name",
            "named_struct('city', IF(id = 2, NULL, 'Berlin'), 'zip', '10115') AS address",
            "array(named_struct('sku', 'a', 'qty', 1)) AS items",
            "'internal' AS secret");
  }

  private Map<String, String> options(EsHandle es, String index, String... pairs) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    for (int i = 0; i < pairs.length; i += 2) {
      options.put(pairs[i], pairs[i + 1]);
    }
    return options;
  }

  private static void append(Dataset<Row> rows, Map<String, String> options) {
    rows.write().format("sluice").mode("append").options(options).save();
  }

  private static JsonNode source(EsHandle es, String index, String id) throws IOException {
    JsonNode doc = JSON.readTree(es.client().get("/" + index + "/_doc/" + id).body());
    assertThat(doc.path("found").asBoolean()).as(index + "/" + id).isTrue();
    return doc.path("_source");
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  @Test
  void excludedAndNotIncludedFieldsAreLeftOutAndTheIdColumnStillGivesTheId(EsHandle es)
      throws IOException {
    String excluded = es.newIndexName();
    append(
        people(),
        options(es, excluded, "es.mapping.id", "id", "es.mapping.exclude", "id, secret,*.zip"));
    String included = es.newIndexName();
    append(
        people(),
        options(es, included, "es.mapping.id", "id", "es.mapping.include", "name,address.c*"));

    assertThat(source(es, excluded, "0"))
        .isEqualTo(
            json(
                "{\"name\":\"name-0\",\"address\":{\"city\":\"Berlin\"},"
                    + "\"items\":[{\"sku\":\"a\",\"qty\":1}]}"));
    assertThat(source(es, included, "3"))
        .isEqualTo(json("{\"name\":\"name-3\",\"address\":{\"city\":\"Berlin\"}}"));
  }

  @Test
  void nullFieldsAreWrittenAsNullOnlyWhenAsked(EsHandle es) throws IOException {
    String withNulls = es.newIndexName();
    append(
        people(),
        options(es, withNulls, "es.mapping.id", "id", "es.spark.dataframe.write.null", "true"));
    String without = es.newIndexName();
    append(people(), options(es, without, "es.mapping.id", "id"));

    assertThat(source(es, withNulls, "1").has("name")).isTrue();
    assertThat(source(es, withNulls, "1").get("name").isNull()).isTrue();
    assertThat(source(es, withNulls, "2").path("address").get("city").isNull()).isTrue();
    assertThat(source(es, without, "1").has("name")).isFalse();
    assertThat(source(es, without, "2").path("address").has("city")).isFalse();
  }

  @Test
  void jsonRowsAreSentAsGivenWithIdsFromTheJsonAndBadRowsDeadLettered(EsHandle es)
      throws IOException {
    String index = es.newIndexName();
    List<String> rows =
        List.of(
            "{\"order\":{\"no\":\"o-1\"},\"total\":12.5}",
            "{\"order\":{\"no\":\"o-2\"},\n \"lines\":[{\"sku\":\"b\"}]}",
            "{\"order\":{\"no\":\"o-3\"}",
            "[1,2]",
            "{\"order\":{\"no\":\"o-5\"},\"total\":1}");
    Dataset<Row> json = spark.createDataset(rows, Encoders.STRING()).toDF("doc").coalesce(1);

    append(json, options(es, index, "es.input.json", "true", "es.mapping.id", "order.no"));

    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(3);
    assertThat(source(es, index, "o-1")).isEqualTo(json(rows.get(0)));
    assertThat(source(es, index, "o-2")).isEqualTo(json(rows.get(1)));
    assertThat(source(es, index, "o-5")).isEqualTo(json(rows.get(4)));
    List<DeadLetterRecord> dead = deadLetters();
    assertThat(dead).hasSize(2);
    assertThat(dead)
        .extracting(DeadLetterRecord::position)
        .containsExactlyInAnyOrder("partition 0 row 2", "partition 0 row 3");
    assertThat(dead)
        .allSatisfy(d -> assertThat(d.reason()).contains("'doc'"))
        .anySatisfy(d -> assertThat(d.reason()).contains("not one JSON object but array"))
        .anySatisfy(
            d -> assertThat(new String(d.source(), StandardCharsets.UTF_8)).isEqualTo(rows.get(2)));
  }

  @Test
  void jsonInputOverMoreThanOneColumnFailsBeforeAnyTaskNamingTheOption(EsHandle es) {
    String index = es.newIndexName();
    assertThatThrownBy(() -> append(people(), options(es, index, "es.input.json", "true")))
        .hasStackTraceContaining("es.input.json");
    assertThat(es.client().get("/" + index).status()).isEqualTo(404);
  }

  private List<DeadLetterRecord> deadLetters() throws IOException {
    DeadLetterReader reader = new DeadLetterReader(new LocalFileStorage());
    List<DeadLetterRecord> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("dead"))) {
      for (Path file : files.toList()) {
        all.addAll(reader.readAll(file.toString()));
      }
    }
    return all;
  }
}
