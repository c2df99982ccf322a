package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.checkpoint.ConvertedRow;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rows that are JSON documents ({@code es.input.json=true}), through {@link RowConverter}. */
class JsonInputTest {
  private static final StructType ONE_STRING = new StructType().add("doc", DataTypes.StringType);

  private static RowConverter converter(StructType schema, String... options) {
    Map<String, String> given = new HashMap<>();
    given.put("es.resource", "orders");
    given.put("es.input.json", "true");
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return new RowConverter(SparkWriteConf.resolve(given, schema, "q"));
  }

  private static GenericInternalRow row(String json) {
    return new GenericInternalRow(new Object[] {json == null ? null : UTF8String.fromString(json)});
  }

  @Test
  void sendsTheDocumentAsGivenWithIdAndRoutingReadFromIt() {
    String json = "{ \"order\": {\"no\": 17}, \"shop\": \"berlin\",\n \"total\": 2.50 }";
    ConvertedRow converted =
        converter(ONE_STRING, "es.mapping.id", "order.no", "es.mapping.routing", "shop")
            .convert(row(json), "p0 r0");

    assertThat(converted.rejected()).isFalse();
    assertThat(converted.document().id()).isEqualTo("17");
    assertThat(converted.document().routing()).isEqualTo("berlin");
    assertThat(new String(converted.document().source(), UTF_8)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "12345678901234567.89 | 12345678901234567.89",
        "12345678901234567.88 | 12345678901234567.88",
        "1.50                 | 1.50",
        "1.0E10               | 1.0E10",
        "-0                   | -0",
        "123456789012345678901234567890 | 123456789012345678901234567890",
        "true                 | true",
        "'\"caf\\u00e9\"'   | café",
      })
  void aNumericIdIsItsTextAsWrittenAsElasticsearchHadoopReadsIt(String value, String id) {
    // Read through doubles, the first two rows got one id and overwrote each other.
    ConvertedRow converted =
        converter(ONE_STRING, "es.mapping.id", "order.id")
            .convert(row("{\"order\":{\"id\":" + value + "}}"), "r");

    assertThat(converted.rejected()).as(converted.reason()).isFalse();
    assertThat(converted.document().id()).isEqualTo(id);
  }

  @Test
  void binaryColumnsHoldJsonToo() {
    StructType schema = new StructType().add("bytes", DataTypes.BinaryType);
    ConvertedRow converted =
        converter(schema, "es.mapping.id", "id")
            .convert(new GenericInternalRow(new Object[] {"{\"id\":\"a\"}".getBytes(UTF_8)}), "r");

    assertThat(converted.document().id()).isEqualTo("a");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "{\"id\":1                | not valid JSON",
        "[{\"id\":1}]             | not one JSON object but array",
        "\"just text\"            | not one JSON object but string",
        "{\"id\":1} {\"id\":2}    | not valid JSON",
        "''                       | not one JSON object but empty",
        "NULL                     | no JSON document",
        "{\"name\":\"no id\"}     | 'id': the document id is null or missing",
        "{\"id\":{\"a\":1}}       | 'id': must hold a single value, not an object",
      })
  void aRowThatIsNotOneJsonObjectIsDeadLetteredNamingTheRow(String json, String reason) {
    ConvertedRow converted =
        converter(ONE_STRING, "es.mapping.id", "id").convert(row(json), "p3 r9");

    assertThat(converted.rejected()).isTrue();
    assertThat(converted.errorType()).isEqualTo("row_conversion_exception");
    assertThat(converted.reason()).contains(reason);
    assertThat(converted.document().position()).isEqualTo("p3 r9");
    assertThat(converted.document().source())
        .isEqualTo(json == null ? new byte[0] : json.getBytes(UTF_8));
  }

  @Test
  void contentHashIdsHashTheDocumentAsGiven() {
    RowConverter converter = converter(ONE_STRING);

    String id = converter.convert(row("{\"a\":1}"), "r1").document().id();

    assertThat(id).isEqualTo(converter.convert(row("{\"a\":1}"), "r2").document().id());
    assertThat(id).isNotEqualTo(converter.convert(row("{\"a\": 1}"), "r3").document().id());
  }

  @Test
  void refusesAnythingButOneStringOrBinaryColumnNamingTheOption() {
    StructType two = ONE_STRING.add("other", DataTypes.StringType);
    StructType number = new StructType().add("n", DataTypes.LongType);

    assertThatThrownBy(() -> converter(two))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("es.input.json");
    assertThatThrownBy(() -> converter(number))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("es.input.json");
  }
}
