package dev.sluice.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The timestamp and date columns of a schema, at top level, in structs and in arrays, by the dotted
 * path their field has in the index's mapping (arrays add nothing to it), and how each is written:
 * as the mapping expects where the field exists, else as {@code newFields} says. Values of a map
 * column are keyed at run time, so they are always written as new fields.
 */
final class DateColumns {
  private DateColumns() {}

  /** Whether the schema has any timestamp or date column (else the mapping need not be read). */
  static boolean any(StructType schema) {
    return !outputs(schema, IndexMapping.missing(), DateOutput.ISO).isEmpty();
  }

  static Map<String, DateOutput> outputs(
      StructType schema, IndexMapping mapping, DateOutput newFields) {
    Map<String, DateOutput> outputs = new LinkedHashMap<>();
    collect(schema, "", mapping, newFields, outputs);
    return outputs;
  }

  private static void collect(
      StructType struct,
      String parent,
      IndexMapping mapping,
      DateOutput newFields,
      Map<String, DateOutput> into) {
    for (StructField field : struct.fields()) {
      String path = parent.isEmpty() ? field.name() : parent + "." + field.name();
      DataType type = field.dataType();
      while (type instanceof ArrayType array) {
        type = array.elementType();
      }
      if (type instanceof StructType nested) {
        collect(nested, path, mapping, newFields, into);
      } else if (type instanceof TimestampType || type instanceof DateType) {
        into.put(
            path,
            mapping
                .field(path)
                .map(f -> DateFormats.forMapped(path, f.type(), f.format()))
                .orElse(newFields));
      }
    }
  }
}
