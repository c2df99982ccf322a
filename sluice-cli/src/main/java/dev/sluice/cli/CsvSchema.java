package dev.sluice.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema a CSV input is read with when none is given: Spark's inference, with each text column
 * that is numeric but for a few bad values typed as that number ({@link NumericColumn}).
 */
final class CsvSchema {
  private CsvSchema() {}

  static StructType infer(Supplier<DataFrameReader> reader, String[] paths) {
    StructType inferred = reader.get().option("inferSchema", "true").csv(paths).schema();
    List<String> text = new ArrayList<>();
    for (StructField field : inferred.fields()) {
      if (field.dataType().equals(DataTypes.StringType)) {
        text.add(field.name());
      }
    }
    if (text.isEmpty()) {
      return inferred;
    }
    // One pass over the raw text counts, per text column, the values of each numeric type.
    List<Column> counts = new ArrayList<>();
    for (String name : text) {
      String quoted = "`" + name.replace("`", "``") + "`";
      counts.add(count(col(quoted)));
      for (String type : List.of("int", "bigint", "double")) {
        counts.add(count(expr("try_cast(" + quoted + " AS " + type + ")")));
      }
    }
    Row row =
        reader
            .get()
            .option("inferSchema", "false")
            .csv(paths)
            .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new))
            .first();
    StructField[] fields = inferred.fields().clone();
    for (int i = 0, t = 0; i < fields.length; i++) {
      if (!fields[i].dataType().equals(DataTypes.StringType)) {
        continue;
      }
      int at = 4 * t++;
      String type =
          NumericColumn.type(
                  row.getLong(at), row.getLong(at + 1), row.getLong(at + 2), row.getLong(at + 3))
              .orElse(null);
      if (type != null) {
        DataType numeric = DataType.fromDDL(type);
        fields[i] = new StructField(fields[i].name(), numeric, true, fields[i].metadata());
      }
    }
    return new StructType(fields);
  }
}
