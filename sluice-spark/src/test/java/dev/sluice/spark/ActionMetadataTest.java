package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.Document;
import dev.sluice.core.checkpoint.ConvertedRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Pattern indices, versions, join routing and script params, row by row. */
class ActionMetadataTest {
  private static final StructType RELATION =
      new StructType().add("name", DataTypes.StringType).add("parent", DataTypes.StringType);
  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("v", DataTypes.LongType)
          .add("svc", DataTypes.StringType)
          .add("ts", DataTypes.TimestampType)
          .add("day", DataTypes.DateType)
          .add("when", DataTypes.StringType)
          .add("rel", RELATION)
          .add("kind", DataTypes.StringType)
          .add("n", DataTypes.IntegerType)
          .add("score", DataTypes.DoubleType);

  private static RowConverter converter(String... options) {
    Map<String, String> given = new HashMap<>();
    given.put("es.resource", "orders");
    given.put("es.mapping.id", "id");
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return new RowConverter(SparkWriteConf.resolve(given, SCHEMA, "q"));
  }

  /** id "1", version v, service svc, 2026-11-30T23:30Z, child of "p7", n, score 1.5. */
  private static GenericInternalRow row(Long v, String svc, Integer n) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2026-11-30T23:30:00Z"));
    return new GenericInternalRow(
        new Object[] {
          UTF8String.fromString("1"),
          v,
          svc == null ? null : UTF8String.fromString(svc),
          micros,
          (int) LocalDate.parse("2026-01-02").toEpochDay(),
          UTF8String.fromString("2026-11-30T23:30:00-05:00"),
          new GenericInternalRow(
              new Object[] {UTF8String.fromString("answer"), UTF8String.fromString("p7")}),
          UTF8String.fromString("question"),
          n,
          1.5
        });
  }

  private static Document doc(ConvertedRow c) {
    assertThat(c.rejected()).as(c.reason()).isFalse();
    return c.document();
  }

  @Test
  void aVersionColumnGivesEachDocumentItsVersionAndANullOneIsDeadLettered() {
    RowConverter converter = converter("es.mapping.version", "v");

    assertThat(doc(converter.convert(row(42L, "web", 1), "r1")).version()).isEqualTo(42L);
    ConvertedRow none = converter.convert(row(null, "web", 1), "r2");
    assertThat(none.rejected()).isTrue();
    assertThat(none.reason()).contains("'v'").contains("version is null");
    assertThat(
            doc(converter("es.mapping.version", "v", "es.mapping.version.type", "internal")
                    .convert(row(42L, "web", 1), "r3"))
                .version())
        .isNull();
  }

  @Test
  void aJoinChildIsRoutedToItsParentUnlessARoutingColumnIsSet() {
    Document child = doc(converter("es.mapping.join", "rel").convert(row(1L, "web", 1), "r1"));
    assertThat(child.routing()).isEqualTo("p7");
    assertThat(new String(child.source(), UTF_8))
        .contains("\"rel\":{\"name\":\"answer\",\"parent\":\"p7\"}");
    assertThat(
            doc(converter("es.mapping.join", "rel", "es.mapping.routing", "svc")
                    .convert(row(1L, "web", 1), "r2"))
                .routing())
        .isEqualTo("web");
    assertThat(doc(converter("es.mapping.join", "kind").convert(row(1L, "web", 1), "r3")).routing())
        .as("a parent: a join field that is a plain string")
        .isNull();
  }

  @Test
  void scriptParamsTakeColumnsAndConstants() {
    RowConverter converter =
        converter(
            "es.write.operation", "update",
            "es.update.script.inline", "ctx._source.n += params.n",
            "es.update.script.params", "n:n, who:svc, k:<5>, unit:<eur>");

    assertThat(new String(doc(converter.convert(row(1L, "web", 3), "r1")).scriptParams(), UTF_8))
        .isEqualTo("{\"n\":3,\"who\":\"web\",\"k\":5,\"unit\":\"eur\"}");
    assertThat(new String(doc(converter.convert(row(1L, null, null), "r2")).scriptParams(), UTF_8))
        .isEqualTo("{\"k\":5,\"unit\":\"eur\"}");
  }

  @Test
  void aPatternMakesEachRowsIndexFromColumnsAndFormattedDates() {
    assertThat(
            doc(converter("es.resource", "logs-{svc}-{ts|yyyy.MM.dd}")
                    .convert(row(1L, "web", 1), "r1"))
                .index())
        .isEqualTo("logs-web-2026.11.30");
    assertThat(
            doc(converter("es.resource.write", "{day|yyyy-MM}-{when|yyyy.MM.dd}")
                    .convert(row(1L, "web", 1), "r2"))
                .index())
        .as("a string keeps its own offset, as elasticsearch-hadoop does")
        .isEqualTo("2026-01-2026.11.30");
  }

  @Test
  void aDateWithoutFormatNamesTheIndexWithItsTextAsElasticsearchHadoopDoes() {
    assertThat(doc(converter("es.resource", "logs-{day}").convert(row(1L, "web", 1), "r1")).index())
        .isEqualTo("logs-2026-01-02");
  }

  @Test
  void aRowWhosePatternFieldIsNullOrMakesABadNameIsDeadLetteredNamingTheField() {
    RowConverter converter = converter("es.resource", "logs-{svc}");

    ConvertedRow missing = converter.convert(row(1L, null, 1), "r1");
    assertThat(missing.rejected()).isTrue();
    assertThat(missing.reason()).contains("'svc'").contains("null");
    ConvertedRow upper = converter.convert(row(1L, "Web", 1), "r2");
    assertThat(upper.rejected()).isTrue();
    assertThat(upper.reason()).contains("'svc'").contains("logs-Web").contains("lower case");
  }

  @Test
  void theCheckpointRecordsWhatChangesTheActionsSoAResumeWithOtherOnesIsRefused() {
    Map<String, String> given = new HashMap<>();
    given.put("es.resource", "orders");
    given.put("es.mapping.id", "id");
    given.put("es.mapping.version", "v");
    given.put("es.ingest.pipeline", "enrich");
    Map<String, String> output =
        SparkWriteConf.resolve(given, SCHEMA, "q").manifest(Instant.EPOCH, "test").outputOptions();

    assertThat(output)
        .containsEntry("es.mapping.version", "v")
        .containsEntry("es.ingest.pipeline", "enrich")
        .doesNotContainKey("es.update.script.inline");
  }

  @Test
  void columnsThatCannotDoTheirJobAreRefusedOnTheDriver() {
    assertThatThrownBy(() -> converter("es.mapping.version", "score"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("es.mapping.version=score");
    assertThatThrownBy(() -> converter("es.mapping.join", "n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("es.mapping.join=n");
    assertThatThrownBy(() -> converter("es.resource", "logs-{ts}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("{ts}")
        .hasMessageContaining("date format");
    assertThatThrownBy(() -> converter("es.resource", "logs-{nope}")).hasMessageContaining("nope");
    assertThatThrownBy(
            () ->
                converter(
                    "es.write.operation", "update",
                    "es.update.script.inline", "x",
                    "es.update.script.params", "a:nope"))
        .hasMessageContaining("es.update.script.params")
        .hasMessageContaining("nope");
  }
}
