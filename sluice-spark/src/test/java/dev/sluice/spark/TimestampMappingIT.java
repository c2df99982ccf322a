package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * Timestamps and dates are written as the target index maps them: an index elasticsearch-hadoop
 * created (epoch milliseconds, mapped {@code long}) takes appended rows, a {@code date} with a
 * custom format gets that format, and new fields keep ISO-8601 unless {@code sluice.write.dates}
 * asks for elasticsearch-hadoop's epoch milliseconds.
 */
@ExtendWith(ElasticsearchExtension.class)
class TimestampMappingIT {
  private static final int ROWS = 40;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("timestamp-mapping-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** A timestamp and a date at top level, in a struct, and in an array of structs. */
  private static Dataset<Row> rows() {
    return spark
        .range(0, ROWS, 1, 2)
        .selectExpr(
            "format_string('k-%03d', id) AS key",
            "timestamp_micros(1767225600000000 + id * 3600123456) AS ts",
            "date_add(DATE'2026-01-01', CAST(id AS INT)) AS day",
            "named_struct('at', timestamp_micros(1767225600000000 + id * 1000), 'n', id) AS nest",
            "array(named_struct('at', timestamp_micros(1767225600000000 - id * 1000))) AS events");
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

  private static void create(EsHandle es, String index, String properties) {
    String body =
        "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
            + "\"mappings\":{\"properties\":"
            + properties
            + "}}";
    assertThat(es.client().createIndex(index, body).isSuccess()).isTrue();
  }

  private void write(Dataset<Row> rows, Map<String, String> options) {
    rows.write().format("sluice").mode("append").options(options).save();
  }

  private JsonNode report() throws IOException {
    return JSON.readTree(out.resolve("report.json").toFile());
  }

  private static JsonNode source(EsHandle es, String index, String id) throws IOException {
    return JSON.readTree(es.client().get("/" + index + "/_doc/" + id).body()).path("_source");
  }

  private void assertEveryRowIndexed(EsHandle es, String index) throws IOException {
    assertThat(report().path("counters").path("deadLettered").asLong()).isZero();
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS);
  }

  @Test
  void appendsToAnIndexElasticsearchHadoopCreatedWithWhatItWrites(EsHandle es) throws IOException {
    String index = es.newIndexName();
    create(
        es,
        index,
        "{\"key\":{\"type\":\"keyword\"},\"ts\":{\"type\":\"long\"},\"day\":{\"type\":\"long\"},"
            + "\"nest\":{\"properties\":{\"at\":{\"type\":\"long\"},\"n\":{\"type\":\"long\"}}},"
            + "\"events\":{\"properties\":{\"at\":{\"type\":\"long\"}}}}");

    write(rows(), options(es, index));

    assertEveryRowIndexed(es, index);
    // elasticsearch-hadoop writes java.sql.Timestamp#getTime and java.sql.Date#getTime.
    for (Row row : rows().collectAsList()) {
      JsonNode doc = source(es, index, row.getString(0));
      assertThat(doc.path("ts").isIntegralNumber()).as(doc.toString()).isTrue();
      assertThat(doc.path("ts").asLong()).isEqualTo(row.getTimestamp(1).getTime());
      assertThat(doc.path("day").asLong()).isEqualTo(row.getDate(2).getTime());
      assertThat(doc.path("nest").path("at").asLong())
          .isEqualTo(row.getStruct(3).getTimestamp(0).getTime());
      List<Row> events = row.getList(4);
      assertThat(doc.path("events").get(0).path("at").asLong())
          .isEqualTo(events.get(0).getTimestamp(0).getTime());
    }
  }

  @Test
  void writesADateFieldInTheFormatItsMappingGives(EsHandle es) throws IOException {
    String index = es.newIndexName();
    create(
        es,
        index,
        "{\"ts\":{\"type\":\"date\",\"format\":\"yyyy/MM/dd HH:mm:ss||epoch_millis\"},"
            + "\"day\":{\"type\":\"date\",\"format\":\"yyyy-MM-dd\"},"
            + "\"nest\":{\"properties\":{\"at\":{\"type\":\"date\",\"format\":\"epoch_second\"}}},"
            + "\"events\":{\"properties\":{\"at\":{\"type\":\"date\"}}}}");

    write(rows(), options(es, index));

    assertEveryRowIndexed(es, index);
    DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
    for (Row row : rows().collectAsList()) {
      JsonNode doc = source(es, index, row.getString(0));
      LocalDateTime ts = LocalDateTime.ofInstant(row.getTimestamp(1).toInstant(), ZoneOffset.UTC);
      assertThat(doc.path("ts").asText()).isEqualTo(ts.format(pattern));
      assertThat(doc.path("day").asText()).isEqualTo(row.getDate(2).toLocalDate().toString());
      assertThat(doc.path("nest").path("at").asLong())
          .isEqualTo(row.getStruct(3).getTimestamp(0).toInstant().getEpochSecond());
      List<Row> events = row.getList(4);
      assertThat(doc.path("events").get(0).path("at").asText())
          .isEqualTo(events.get(0).getTimestamp(0).toInstant().toString());
    }
  }

  @Test
  void aNewIndexGetsIsoAndTheOptionGivesEpochMillis(EsHandle es) throws IOException {
    String iso = es.newIndexName();
    write(rows(), options(es, iso));
    assertEveryRowIndexed(es, iso);

    String millis = es.newIndexName();
    Map<String, String> options = options(es, millis);
    options.put("sluice.write.dates", "epoch_millis");
    write(rows(), options);
    assertEveryRowIndexed(es, millis);

    for (Row row : rows().collectAsList()) {
      JsonNode isoDoc = source(es, iso, row.getString(0));
      assertThat(isoDoc.path("ts").asText()).isEqualTo(row.getTimestamp(1).toInstant().toString());
      assertThat(isoDoc.path("day").asText()).isEqualTo(row.getDate(2).toLocalDate().toString());
      JsonNode millisDoc = source(es, millis, row.getString(0));
      assertThat(millisDoc.path("ts").asLong()).isEqualTo(row.getTimestamp(1).getTime());
      assertThat(millisDoc.path("day").asLong()).isEqualTo(row.getDate(2).getTime());
    }
    JsonNode mapping = JSON.readTree(es.client().get("/" + millis + "/_mapping").body());
    assertThat(mapping.path(millis).path("mappings").path("properties").path("ts").path("type"))
        .hasToString("\"long\"");
  }

  @Test
  void aDateFormatSluiceCannotProduceFailsBeforeAnyTaskNamingFieldAndFormat(EsHandle es) {
    String index = es.newIndexName();
    create(es, index, "{\"ts\":{\"type\":\"date\",\"format\":\"week_date\"}}");

    assertThatThrownBy(() -> write(rows(), options(es, index)))
        .hasStackTraceContaining("'ts'")
        .hasStackTraceContaining("week_date");
    es.client().refresh(index);
    assertThat(es.client().count(index)).isZero();
  }
}
