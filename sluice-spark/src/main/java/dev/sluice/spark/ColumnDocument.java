package dev.sluice.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A row's document read from its columns: id and routing columns, the body from all of them. One
 * per partition writer, pointed at each row in turn ({@link #of}), so that every body is written
 * into the same buffer and only its final bytes are copied out.
 */
final class ColumnDocument implements RowDocument {
  private final SparkWriteConf conf;
  private final JsonBuffer body = new JsonBuffer();
  private InternalRow row;

  ColumnDocument(SparkWriteConf conf) {
    this.conf = conf;
  }

  /** This reader, reading {@code row} until the next call. */
  ColumnDocument of(InternalRow row) {
    this.row = row;
    return this;
  }

  @Override
  public List<String> idValues() {
    List<FieldPath> columns = conf.idColumns();
    if (columns.isEmpty()) { // a content hash or generated ids
      return List.of();
    }
    if (columns.size() == 1) { // es.mapping.id: one value, no list to grow
      return List.of(valueOf(columns.get(0)));
    }
    List<String> values = new ArrayList<>(columns.size());
    for (FieldPath column : columns) {
      values.add(valueOf(column));
    }
    return values;
  }

  private String valueOf(FieldPath column) {
    String value = column.textOf(row);
    if (value == null) {
      throw new RowConversionException(column.name(), "the document id is null");
    }
    return value;
  }

  @Override
  public String routing() {
    return conf.routingColumn() == null ? null : conf.routingColumn().textOf(row);
  }

  @Override
  public byte[] source() {
    body.reset();
    conf.json().write(body, row);
    return body.toByteArray();
  }
}
