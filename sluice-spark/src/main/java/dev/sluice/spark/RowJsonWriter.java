package dev.sluice.spark;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a Spark {@link InternalRow} into the JSON bytes of one Elasticsearch document. The per-type
 * writers are resolved once from the schema, so writing a row does no type dispatch by name.
 *
 * <p>The {@link RowShape} says which fields are written, whether null fields are written as JSON
 * null (by default they are left out, as elasticsearch-hadoop does) and how each timestamp and date
 * column is written. Values JSON cannot carry (NaN, infinities, maps with null keys) throw {@link
 * RowConversionException} naming the field, so the caller can dead-letter that one row and go on.
 */
final class RowJsonWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StructType schema;
  private final RowShape shape;
  private transient RowWriters.RowWriter rowWriter;
  private transient RowWriters.RowWriter lenientWriter;

  RowJsonWriter(StructType schema) {
    this(schema, RowShape.DEFAULT);
  }

  /** Resolves the writers now, so an unsupported type fails on the driver, naming the field. */
  RowJsonWriter(StructType schema, RowShape shape) {
    this.schema = schema;
    this.shape = shape;
    this.rowWriter = new RowWriters(shape, true).struct(schema, "");
  }

  RowShape shape() {
    return shape;
  }

  byte[] toJson(InternalRow row) {
    JsonBuffer out = new JsonBuffer(256);
    write(out, row);
    return out.toByteArray();
  }

  /**
   * Appends the row's JSON to {@code out}, which a partition's writer reuses row after row.
   *
   * @throws RowConversionException naming the field when the row cannot become a document; what
   *     {@code out} then holds past its former size is partial
   */
  void write(JsonBuffer out, InternalRow row) {
    if (rowWriter == null) { // after deserialisation on an executor
      rowWriter = new RowWriters(shape, true).struct(schema, "");
    }
    rowWriter.write(out, row);
  }

  /**
   * The row as faithfully as JSON allows, for the dead-letter store when {@link #toJson} refused
   * it: non-finite numbers are written as strings ("NaN") so that nothing of the row is lost.
   */
  byte[] toLenientJson(InternalRow row) {
    if (lenientWriter == null) {
      lenientWriter = new RowWriters(shape, false).struct(schema, "");
    }
    JsonBuffer out = new JsonBuffer(256);
    lenientWriter.write(out, row);
    return out.toByteArray();
  }
}
