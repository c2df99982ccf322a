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
