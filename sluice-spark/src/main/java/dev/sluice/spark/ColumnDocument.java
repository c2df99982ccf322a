package dev.sluice.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/** A row's document read from its columns: id and routing columns, the body from all of them. */
record ColumnDocument(SparkWriteConf conf, InternalRow row) implements RowDocument {

  @Override
  public List<String> idValues() {
    List<String> values = new ArrayList<>(conf.idColumns().size());
    for (FieldPath column : conf.idColumns()) {
      String value = column.textOf(row);
      if (value == null) {
        throw new RowConversionException(column.name(), "the document id is null");
      }
      values.add(value);
    }
    return values;
  }

  @Override
  public String routing() {
    return conf.routingColumn() == null ? null : conf.routingColumn().textOf(row);
  }

  @Override
  public byte[] source() {
    return conf.json().toJson(row);
  }
}
