package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static StructType of(String properties) throws Exception {
    return MappingSchema.of(JSON.readTree(properties));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "keyword,      string",
    "text,         string",
    "long,         bigint",
    "integer,      int",
    "short,        smallint",
    "byte,         tinyint",
    "double,       double",
    "scaled_float, double",
    "float,        float",
    "half_float,   float",
    "boolean,      boolean",
    "date,         timestamp",
    "date_nanos,   timestamp",
    "binary,       binary",
    "ip,           string",
    "geo_point,    string",
    "wildcard,     string",
  })
  void typesEachLeafAsElasticsearchHadoopDoes(String esType, String sparkType) throws Exception {
    StructType schema = of("{\"f\":{\"type\":\"" + esType + "\"}}");
    assertThat(schema.apply("f").dataType()).isEqualTo(DataType.fromDDL(sparkType));
    assertThat(schema.apply("f").nullable()).isTrue();
  }

  @Test
  void objectsAreStructsAndNestedFieldsArraysOfStructsInMappingOrder() throws Exception {
    StructType schema =
        of(
            "{\"zeta\":{\"type\":\"keyword\",\"fields\":{\"raw\":{\"type\":\"text\"}}},"
                + "\"shop\":{\"properties\":{\"city\":{\"type\":\"text\"},"
                + "\"geo\":{\"type\":\"object\",\"properties\":{\"lat\":{\"type\":\"double\"}}}}},"
                + "\"lines\":{\"type\":\"nested\",\"properties\":{\"sku\":{\"type\":\"long\"}}}}");

    StructType shop =
        new StructType()
            .add("city", DataTypes.StringType)
            .add("geo", new StructType().add("lat", DataTypes.DoubleType));
    StructType line = new StructType().add("sku", DataTypes.LongType);
    assertThat(schema)
        .isEqualTo(
            new StructType()
                .add("zeta", DataTypes.StringType)
                .add("shop", shop)
                .add("lines", DataTypes.createArrayType(line, true)));
  }

  @Test
  void anEmptyMappingHasNoColumns() throws Exception {
    assertThat(of("{}").fields()).isEmpty();
  }
}
