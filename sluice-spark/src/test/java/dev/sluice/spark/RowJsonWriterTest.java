package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowJsonWriterTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("name", DataTypes.StringType)
          .add("count", DataTypes.IntegerType)
          .add("big", DataTypes.LongType)
          .add("price", DataTypes.createDecimalType(10, 2))
          .add("ratio", DataTypes.DoubleType)
          .add("ok", DataTypes.BooleanType)
          .add("day", DataTypes.DateType)
          .add("at", DataTypes.TimestampType)
          .add("tags", DataTypes.createArrayType(DataTypes.StringType))
          .add("attrs", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
          .add(
              "owner",
              new StructType().add("id", DataTypes.LongType).add("nick", DataTypes.StringType));

  private static GenericInternalRow row(double ratio) {
    long micros =
        Instant.parse("2026-11-24T10:15:30.123456Z").getEpochSecond() * 1_000_000L + 123_456L;
    return new GenericInternalRow(
        new Object[] {
          UTF8String.fromString("caf\u00e9 \"quoted\""),
          7,
          9_007_199_254_740_993L,
          Decimal.apply(new BigDecimal("12.30"), 10, 2),
          ratio,
          true,
          (int) LocalDate.parse("2026-11-24").toEpochDay(),
          micros,
          new GenericArrayData(new Object[] {UTF8String.fromString("a"), null}),
          ArrayBasedMapData.apply(new Object[] {UTF8String.fromString("k")}, new Object[] {1}),
          new GenericInternalRow(new Object[] {42L, null})
        });
  }

  @Test
  void writesEveryTypeAsElasticsearchReadsIt() {
    String json = new String(new RowJsonWriter(SCHEMA).toJson(row(0.5)), UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"name\":\"caf\u00e9 \\\"quoted\\\"\",\"count\":7,\"big\":9007199254740993,"
                + "\"price\":12.30,\"ratio\":0.5,\"ok\":true,\"day\":\"2026-11-24\","
                + "\"at\":\"2026-11-24T10:15:30.123456Z\",\"tags\":[\"a\",null],"
                + "\"attrs\":{\"k\":1},\"owner\":{\"id\":42}}");
  }

  @Test
  void leavesNullFieldsOut() {
    StructType schema =
        new StructType().add("a", DataTypes.StringType).add("b", DataTypes.IntegerType);
    byte[] json = new RowJsonWriter(schema).toJson(new GenericInternalRow(new Object[] {null, 3}));
    assertThat(new String(json, UTF_8)).isEqualTo("{\"b\":3}");
  }

  @Test
  void refusesNaNNamingTheFieldButKeepsItInTheLenientForm() {
    RowJsonWriter writer = new RowJsonWriter(SCHEMA);

    assertThatThrownBy(() -> writer.toJson(row(Double.NaN)))
        .isInstanceOf(RowConversionException.class)
        .hasMessageContaining("'ratio'")
        .hasMessageContaining("NaN");
    assertThat(new String(writer.toLenientJson(row(Double.NaN)), UTF_8))
        .contains("\"ratio\":\"NaN\"");
  }

  @Test
  void refusesNaNInsideNestedStructsWithTheDottedPath() {
    StructType schema =
        new StructType().add("geo", new StructType().add("lat", DataTypes.FloatType));
    RowJsonWriter writer = new RowJsonWriter(schema);
    GenericInternalRow row =
        new GenericInternalRow(
            new Object[] {new GenericInternalRow(new Object[] {Float.POSITIVE_INFINITY})});

    assertThatThrownBy(() -> writer.toJson(row)).hasMessageContaining("'geo.lat'");
  }

  @Test
  void rejectsUnsupportedTypesWhenBuiltNamingTheField() {
    StructType schema = new StructType().add("span", DataTypes.createDayTimeIntervalType());
    assertThatThrownBy(() -> new RowJsonWriter(schema))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("'span'");
  }

  private static RowShape shape(String include, String exclude, boolean writeNull) {
    return new RowShape(
        FieldFilter.of(include, exclude), writeNull, Map.of(), DateOutput.ISO, "UTC");
  }

  private static String json(RowShape shape, GenericInternalRow row) {
    return new String(new RowJsonWriter(SCHEMA, shape).toJson(row), UTF_8);
  }

  @ParameterizedTest(name = "include [{0}] exclude [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "name,owner.id | -            | {\"name\":\"x\",\"owner\":{\"id\":42}}",
        "owner         | -            | {\"owner\":{}}",
        "owner.*       | owner.nick   | {\"owner\":{\"id\":42}}",
        "*.id          | -            | {}",
        "owner,*.id    | -            | {\"owner\":{\"id\":42}}",
        "attrs.k,tags  | -            | {\"tags\":[\"a\",null],\"attrs\":{\"k\":1}}",
        "-             | attrs.k      | {\"name\":\"x\",\"count\":7,\"tags\":[\"a\",null],\"attrs\":{},\"owner\":{\"id\":42}}",
        "nothing       | -            | {}",
      },
      nullValues = "-")
  void writesTheFieldsTheFilterKeeps(String include, String exclude, String expected) {
    GenericInternalRow row = row(0.5);
    row.update(0, UTF8String.fromString("x"));
    row.update(3, null);
    row.update(4, null);
    row.update(5, null);
    row.update(6, null);
    row.update(7, null);
    row.update(2, null);
    assertThat(json(shape(include, exclude, false), row)).isEqualTo(expected);
  }

  @Test
  void writesNullFieldsAsNullWhenAskedNestedToo() {
    StructType schema =
        new StructType()
            .add("a", DataTypes.StringType)
            .add("s", new StructType().add("x", DataTypes.IntegerType))
            .add("t", new StructType().add("y", DataTypes.IntegerType));
    GenericInternalRow row =
        new GenericInternalRow(
            new Object[] {null, new GenericInternalRow(new Object[] {null}), null});

    assertThat(new String(new RowJsonWriter(schema, shape(null, null, true)).toJson(row), UTF_8))
        .isEqualTo("{\"a\":null,\"s\":{\"x\":null},\"t\":null}");
    assertThat(new String(new RowJsonWriter(schema, shape(null, "s.x", true)).toJson(row), UTF_8))
        .isEqualTo("{\"a\":null,\"s\":{},\"t\":null}");
  }

  @Test
  void writesEachDateColumnAsItsShapeSaysInStructsAndArraysToo() {
    StructType schema =
        new StructType()
            .add("at", DataTypes.TimestampType)
            .add("day", DataTypes.DateType)
            .add(
                "events",
                DataTypes.createArrayType(new StructType().add("at", DataTypes.TimestampType)))
            .add("free", DataTypes.TimestampType);
    RowShape shape =
        new RowShape(
            FieldFilter.ALL,
            false,
            Map.of(
                "at", DateOutput.EPOCH_MILLIS,
                "day", DateOutput.pattern("yyyy/MM/dd"),
                "events.at", DateOutput.EPOCH_SECOND),
            DateOutput.ISO,
            "UTC");
    long micros = 1_795_515_330_123_456L;
    GenericInternalRow row =
        new GenericInternalRow(
            new Object[] {
              micros,
              (int) LocalDate.parse("2026-11-24").toEpochDay(),
              new GenericArrayData(new Object[] {new GenericInternalRow(new Object[] {micros})}),
              micros
            });

    assertThat(new String(new RowJsonWriter(schema, shape).toJson(row), UTF_8))
        .isEqualTo(
            "{\"at\":1795515330123,\"day\":\"2026/11/24\",\"events\":[{\"at\":1795515330}],"
                + "\"free\":\"2026-11-24T10:15:30.123456Z\"}");
  }
}
