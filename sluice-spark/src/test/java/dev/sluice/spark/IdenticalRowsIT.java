package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Without an id column the id is the content hash: identical rows become one document, counted
 * apart from the documents indexed; {@code sluice.id.strategy=auto} keeps every row; a checkpoint
 * of hex ids is resumed only with the hex encoding.
 */
@ExtendWith(ElasticsearchExtension.class)
class IdenticalRowsIT {
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-identical-rows-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Three identical rows and two distinct ones, over two partitions. */
  private static Dataset<Row> rows() {
    return spark
        .sql(
            "SELECT * FROM VALUES ('same', 1), ('same', 1), ('same', 1), ('other', 2),"
                + " ('third', 3) AS t(name, n)")
        .repartition(2);
  }

  private Map<String, String> options(EsHandle es, String index, String report) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    options.put("sluice.report.path", out.resolve(report).toString());
    return options;
  }

  private JsonNode report(String name) throws IOException {
    return new ObjectMapper().readTree(out.resolve(name).toFile());
  }

  private static long count(EsHandle es, String index) {
    es.client().refresh(index);
    return es.client().count(index);
  }

  @Test
  void identicalRowsAreMergedAndCountedApartAndASecondAppendAddsNothing(EsHandle es)
      throws IOException {
    String index = es.newIndexName();
    rows().write().format("sluice").mode("append").options(options(es, index, "first.json")).save();

    JsonNode first = report("first.json");
    assertThat(first.at("/counters/read").asLong()).isEqualTo(5);
    assertThat(first.at("/counters/indexed").asLong()).as(first.toString()).isEqualTo(3);
    assertThat(first.at("/counters/merged").asLong()).isEqualTo(2);
    assertThat(first.get("reconciles").asBoolean()).isTrue();
    assertThat(first.at("/reconciliation/statement").asText())
        .isEqualTo("read 5 = indexed 3 + merged 2 + dead_lettered 0 + skipped_by_checkpoint 0");
    assertThat(first.get("summary").asText()).contains("indexed=3 merged_identical=2");
    assertThat(first.get("merged_note").asText()).startsWith("2 rows were identical");
    assertThat(count(es, index)).isEqualTo(3);
    assertThat(ids(es, index)).allMatch(id -> id.matches("[A-Za-z0-9_-]{43}"));

    rows()
        .write()
        .format("sluice")
        .mode("append")
        .options(options(es, index, "second.json"))
        .save();

    JsonNode second = report("second.json");
    assertThat(second.at("/counters/indexed").asLong()).isZero();
    assertThat(second.at("/counters/merged").asLong()).isEqualTo(5);
    assertThat(second.get("reconciles").asBoolean()).isTrue();
    assertThat(count(es, index)).isEqualTo(3);
  }

  @Test
  void autoIdsKeepEveryRowAsElasticsearchHadoopDoes(EsHandle es) throws IOException {
    String index = es.newIndexName();
    Map<String, String> options = options(es, index, "auto.json");
    options.put("sluice.id.strategy", "auto");
    rows().write().format("sluice").mode("append").options(options).save();

    JsonNode report = report("auto.json");
    assertThat(report.at("/counters/indexed").asLong()).isEqualTo(5);
    assertThat(report.at("/counters/merged").asLong()).isZero();
    assertThat(count(es, index)).isEqualTo(5);
  }

  @Test
  void aHexCheckpointIsRefusedByTheDefaultEncodingAndResumedByHex(EsHandle es) {
    String index = es.newIndexName();
    String checkpoint = out.resolve("checkpoint").toString();
    Map<String, String> hex = options(es, index, "hex.json");
    hex.put("sluice.checkpoint.path", checkpoint);
    hex.put("sluice.id.hash.encoding", "hex");
    rows().write().format("sluice").mode("append").options(hex).save();
    assertThat(ids(es, index)).allMatch(id -> id.matches("[0-9a-f]{64}"));

    Map<String, String> byDefault = new HashMap<>(hex);
    byDefault.remove("sluice.id.hash.encoding");
    byDefault.put("sluice.checkpoint.force", "true"); // not even force re-sends under new ids
    Throwable refused =
        catchThrowable(
            () -> rows().write().format("sluice").mode("append").options(byDefault).save());
    assertThat(refused).isNotNull();
    assertThat(rootMessage(refused))
        .contains("Checkpoint at " + checkpoint)
        .contains("Resume it with sluice.id.hash.encoding=hex");
    assertThat(count(es, index)).isEqualTo(3);

    rows().write().format("sluice").mode("append").options(hex).save(); // finished: nothing to do
    assertThat(count(es, index)).isEqualTo(3);
    assertThat(ids(es, index)).allMatch(id -> id.matches("[0-9a-f]{64}"));
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static List<String> ids(EsHandle es, String index) {
    es.client().refresh(index);
    String body = es.client().get("/" + index + "/_search?size=100&_source=false").body();
    List<String> ids = new ArrayList<>();
    try {
      new ObjectMapper()
          .readTree(body)
          .at("/hits/hits")
          .forEach(h -> ids.add(h.get("_id").asText()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + body, e);
    }
    assertThat(ids).isNotEmpty();
    return ids;
  }
}
