package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class FieldPathTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("customer", new StructType().add("code", DataTypes.StringType))
          .add("tags", DataTypes.createArrayType(DataTypes.StringType));

  @Test
  void readsTopLevelAndNestedValuesAsText() {
    GenericInternalRow row =
        new GenericInternalRow(
            new Object[] {
              17L, new GenericInternalRow(new Object[] {UTF8String.fromString("C-9")}), null
            });

    assertThat(FieldPath.resolve(SCHEMA, "id", "es.mapping.id").textOf(row)).isEqualTo("17");
    assertThat(FieldPath.resolve(SCHEMA, "customer.code", "es.mapping.id").textOf(row))
        .isEqualTo("C-9");
  }

  @Test
  void aDateOrTimestampIdIsEpochMillisecondsAsElasticsearchHadoopMakesIt() {
    StructType schema =
        new StructType().add("day", DataTypes.DateType).add("at", DataTypes.TimestampType);
    int day = (int) java.time.LocalDate.parse("2026-01-05").toEpochDay();
    long micros = 1_767_607_872_345_678L; // 2026-01-05T10:11:12.345678Z
    GenericInternalRow row = new GenericInternalRow(new Object[] {day, micros});
    // elasticsearch-hadoop: java.sql.Date#getTime (midnight in the JVM's zone), Timestamp#getTime
    assertThat(FieldPath.resolve(schema, "day", "o").asIdIn("UTC").textOf(row))
        .isEqualTo("1767571200000");
    assertThat(FieldPath.resolve(schema, "day", "o").asIdIn("Europe/Berlin").textOf(row))
        .isEqualTo("1767567600000");
    assertThat(FieldPath.resolve(schema, "at", "o").asIdIn("Europe/Berlin").textOf(row))
        .isEqualTo("1767607872345");
    GenericInternalRow before1970 = new GenericInternalRow(new Object[] {-1, -1_000_500L});
    assertThat(FieldPath.resolve(schema, "day", "o").asIdIn("UTC").textOf(before1970))
        .isEqualTo("-86400000");
    assertThat(FieldPath.resolve(schema, "at", "o").asIdIn("UTC").textOf(before1970))
        .isEqualTo("-1001");
  }

  @Test
  void nullStructOnTheWayGivesNull() {
    GenericInternalRow row = new GenericInternalRow(new Object[] {1L, null, null});
    assertThat(FieldPath.resolve(SCHEMA, "customer.code", "es.mapping.id").textOf(row)).isNull();
  }

  @Test
  void unknownColumnsAndNonScalarColumnsNameTheOption() {
    assertThatThrownBy(() -> FieldPath.resolve(SCHEMA, "nope", "es.mapping.id"))
        .hasMessageContaining("es.mapping.id=nope")
        .hasMessageContaining("no column 'nope'");
    assertThatThrownBy(() -> FieldPath.resolve(SCHEMA, "tags", "es.mapping.routing"))
        .hasMessageContaining("es.mapping.routing=tags")
        .hasMessageContaining("single value");
    assertThatThrownBy(() -> FieldPath.resolve(SCHEMA, "customer", "es.mapping.id"))
        .hasMessageContaining("single value");
  }
}
