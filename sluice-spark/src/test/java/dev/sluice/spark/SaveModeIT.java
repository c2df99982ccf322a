package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every save mode against a missing index, an empty one and one holding documents, each twice in a
 * row. The written rows are o1 (also in the index beforehand, as "old"), n1 and n2; the index
 * beforehand holds o1..o5 and {@value #MANY} more documents, {@value #ROUTED} of them routed.
 */
@ExtendWith(ElasticsearchExtension.class)
class SaveModeIT {
  private static final int MANY = 2_500;
  private static final int ROUTED = 20;
  private static final int BEFORE = 5 + MANY;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-save-mode-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private enum Start {
    MISSING,
    EMPTY,
    WITH_DOCUMENTS
  }

  private static Dataset<Row> rows() {
    return spark.sql(
        "SELECT * FROM VALUES ('o1', 'new', 1L), ('n1', 'new', 2L), ('n2', 'new', 3L)"
            + " AS t(key, name, amount)");
  }

  private Map<String, String> options(EsHandle es) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.mapping.id", "key");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    return options;
  }

  /** Writes with {@code save(index)}, Spark's default mode when {@code mode} is null. */
  private void save(EsHandle es, String index, SaveMode mode) {
    var writer = rows().write().format("sluice").options(options(es));
    if (mode != null) {
      writer = writer.mode(mode);
    }
    writer.save(index);
  }

  private static String prepare(EsHandle es, Start start) {
    String index = es.newIndexName();
    if (start == Start.MISSING) {
      return index;
    }
    String body =
        "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0,\"refresh_interval\":\"7s\"},"
            + "\"mappings\":{\"properties\":{\"name\":{\"type\":\"keyword\"},"
            + "\"amount\":{\"type\":\"long\"},\"key\":{\"type\":\"keyword\"}}}}";
    assertThat(es.client().createIndex(index, body).isSuccess()).isTrue();
    if (start == Start.WITH_DOCUMENTS) {
      StringBuilder bulk = new StringBuilder();
      for (int i = 1; i <= 5; i++) {
        bulk.append("{\"index\":{\"_id\":\"o").append(i).append("\"}}\n");
        bulk.append("{\"key\":\"o").append(i).append("\",\"name\":\"old\",\"amount\":0}\n");
      }
      for (int i = 0; i < MANY; i++) {
        // A delete without its routing would miss about half of these on two shards.
        String routing = i < ROUTED ? ",\"routing\":\"r" + i + "\"" : "";
        bulk.append("{\"index\":{\"_id\":\"m").append(i).append('"').append(routing).append("}}\n");
        bulk.append("{\"name\":\"many\",\"amount\":").append(i).append("}\n");
      }
      assertThat(es.client().bulk(index, bulk.toString()).isSuccess()).isTrue();
      assertThat(count(es, index)).isEqualTo(BEFORE);
    }
    return index;
  }

  private static long count(EsHandle es, String index) {
    es.client().refresh(index);
    return es.client().count(index);
  }

  private static String name(EsHandle es, String index, String id) throws Exception {
    JsonNode doc = JSON.readTree(es.client().get("/" + index + "/_doc/" + id).body());
    return doc.path("_source").path("name").asText();
  }

  @Test
  void appendAddsEveryTime(EsHandle es) throws Exception {
    for (Start start : Start.values()) {
      String index = prepare(es, start);
      long expected = start == Start.WITH_DOCUMENTS ? BEFORE + 2 : 3;
      for (int run = 0; run < 2; run++) {
        save(es, index, SaveMode.Append);
        assertThat(count(es, index)).as(start + " run " + run).isEqualTo(expected);
      }
      assertThat(name(es, index, "o1")).isEqualTo("new");
    }
  }

  @Test
  void errorIfExistsWritesOnlyIntoAnIndexWithoutDocuments(EsHandle es) {
    for (Start start : Start.values()) {
      String index = prepare(es, start);
      if (start == Start.WITH_DOCUMENTS) {
        assertRefused(es, index);
        assertThat(count(es, index)).isEqualTo(BEFORE);
      } else {
        save(es, index, null); // Spark's default mode is ErrorIfExists
        assertThat(count(es, index)).as(start.name()).isEqualTo(3);
      }
      assertRefused(es, index);
      assertThat(count(es, index)).isEqualTo(start == Start.WITH_DOCUMENTS ? BEFORE : 3);
    }
  }

  private void assertRefused(EsHandle es, String index) {
    assertThatThrownBy(() -> save(es, index, SaveMode.ErrorIfExists))
        .hasStackTraceContaining("Index '" + index + "' already holds documents")
        .hasStackTraceContaining("ErrorIfExists");
  }

  @Test
  void ignoreLeavesAnIndexWithDocumentsUntouched(EsHandle es) throws Exception {
    for (Start start : Start.values()) {
      String index = prepare(es, start);
      for (int run = 0; run < 2; run++) {
        save(es, index, SaveMode.Ignore);
        assertThat(count(es, index))
            .as(start + " run " + run)
            .isEqualTo(start == Start.WITH_DOCUMENTS ? BEFORE : 3);
      }
      assertThat(name(es, index, "o1")).isEqualTo(start == Start.WITH_DOCUMENTS ? "old" : "new");
    }
  }

  @Test
  void overwriteReplacesTheDocumentsAndKeepsTheIndex(EsHandle es) throws Exception {
    for (Start start : Start.values()) {
      String index = prepare(es, start);
      String uuid = start == Start.MISSING ? null : uuid(es, index);
      for (int run = 0; run < 2; run++) {
        save(es, index, SaveMode.Overwrite);
        assertThat(count(es, index)).as(start + " run " + run).isEqualTo(3);
      }
      assertThat(name(es, index, "o1")).isEqualTo("new");
      assertThat(es.client().get("/" + index + "/_doc/o2").status()).isEqualTo(404);
      if (start != Start.MISSING) {
        assertThat(uuid(es, index)).as("the same index, not a new one").isEqualTo(uuid);
        JsonNode settings = settings(es, index);
        assertThat(settings.path("number_of_replicas").asText()).isEqualTo("0");
        assertThat(settings.path("number_of_shards").asText()).isEqualTo("2");
        assertThat(settings.path("refresh_interval").asText()).isEqualTo("7s");
        JsonNode mapping =
            JSON.readTree(es.client().get("/" + index + "/_mapping").body())
                .path(index)
                .path("mappings")
                .path("properties");
        assertThat(mapping.path("name").path("type").asText()).isEqualTo("keyword");
      }
    }
  }

  @Test
  void anOverwriteThatCannotDeleteFailsNamingTheIndexAndWritesNothing(EsHandle es) {
    String index = prepare(es, Start.WITH_DOCUMENTS);
    assertThat(
            es.client()
                .put("/" + index + "/_settings", "{\"index.blocks.write\":true}")
                .isSuccess())
        .isTrue();

    assertThatThrownBy(() -> save(es, index, SaveMode.Overwrite))
        .hasStackTraceContaining("mode(\"overwrite\") could not delete document")
        .hasStackTraceContaining("in index '" + index + "'")
        .hasStackTraceContaining("run the same overwrite again");
    assertThat(count(es, index)).isEqualTo(BEFORE);
  }

  @Test
  void overwriteWithACheckpointIsRefusedBeforeAnythingIsDeleted(EsHandle es) {
    String index = prepare(es, Start.WITH_DOCUMENTS);
    Map<String, String> options = options(es);
    options.put("sluice.checkpoint.path", out.resolve("checkpoint").toString());

    assertThatThrownBy(
            () ->
                rows()
                    .write()
                    .format("sluice")
                    .mode(SaveMode.Overwrite)
                    .options(options)
                    .save(index))
        .hasStackTraceContaining("sluice.checkpoint.path")
        .hasStackTraceContaining("index '" + index + "'");
    assertThat(count(es, index)).isEqualTo(BEFORE);
  }

  private static JsonNode settings(EsHandle es, String index) throws Exception {
    return JSON.readTree(es.client().get("/" + index + "/_settings").body())
        .path(index)
        .path("settings")
        .path("index");
  }

  private static String uuid(EsHandle es, String index) throws Exception {
    return settings(es, index).path("uuid").asText();
  }
}
