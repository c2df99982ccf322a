package dev.sluice.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A SQL table's columns from the target index's mapping, typed as elasticsearch-hadoop types them
 * when no column list is given: text and keyword as string, each integral type as its Spark
 * counterpart, {@code half_float} as float and {@code scaled_float} as double, {@code date} as
 * timestamp, an object as a struct, a {@code nested} field as an array of structs, and every other
 * type (ip, geo_point, …) as string. Multi-fields ({@code fields}) are not columns.
 */
final class MappingSchema {
  private MappingSchema() {}

  /** The columns for the mapping's {@code properties} tree, in the mapping's order. */
  static StructType of(JsonNode properties) {
    List<StructField> fields = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      fields.add(DataTypes.createStructField(entry.getKey(), type(entry.getValue()), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType type(JsonNode mapping) {
    String type = mapping.path("type").asText("object");
    return switch (type) {
      case "object" -> of(mapping.path("properties"));
      case "nested" -> DataTypes.createArrayType(of(mapping.path("properties")), true);
      case "long" -> DataTypes.LongType;
      case "integer" -> DataTypes.IntegerType;
      case "short" -> DataTypes.ShortType;
      case "byte" -> DataTypes.ByteType;
      case "double", "scaled_float" -> DataTypes.DoubleType;
      case "float", "half_float" -> DataTypes.FloatType;
      case "boolean" -> DataTypes.BooleanType;
      case "date", "date_nanos" -> DataTypes.TimestampType;
      case "binary" -> DataTypes.BinaryType;
      default -> DataTypes.StringType;
    };
  }
}
