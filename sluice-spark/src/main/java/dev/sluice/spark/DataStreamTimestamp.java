package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The column written as {@code @timestamp}, which every document of a data stream needs: the rows'
 * own {@code @timestamp} column, or the one {@code sluice.datastream.timestamp.column} names
 * (written as {@code @timestamp} in place of its own name). For a data stream, a row whose value is
 * null is dead-lettered naming the field, before it is sent.
 *
 * @param ordinal the column's position in the row, or -1 for none
 * @param column its name in the rows
 * @param required whether a null value refuses the row (the target is a data stream)
 */
record DataStreamTimestamp(int ordinal, String column, boolean required) implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FIELD = "@timestamp";
  static final DataStreamTimestamp NONE = new DataStreamTimestamp(-1, null, false);

  /** From the write's options: the JSON input and pipeline options say whether rows are judged. */
  static DataStreamTimestamp resolve(
      Map<String, String> options, StructType schema, String dataStream, SluiceConfig engine) {
    String configured = RowShapes.option(options, ConfigKeys.DATASTREAM_TIMESTAMP_COLUMN);
    boolean json = RowShapes.option(options, ConfigKeys.INPUT_JSON);
    if (json && configured != null) {
      throw new ConfigException(
          ConfigKeys.DATASTREAM_TIMESTAMP_COLUMN.name(),
          String.format(
              "%s cannot be used with %s=true: the documents are sent as they are, so each must"
                  + " hold its own %s",
              ConfigKeys.DATASTREAM_TIMESTAMP_COLUMN.name(), ConfigKeys.INPUT_JSON.name(), FIELD));
    }
    return resolve(
        schema, configured, dataStream, !json && engine.write().actions().pipeline() == null);
  }

  /**
   * @param configured {@code sluice.datastream.timestamp.column}, or null
   * @param dataStream the data stream written into, or null when the target is not one
   * @param sourceKnown false when the rows hold whole JSON documents or a pipeline may set the
   *     field: then Elasticsearch judges each document
   */
  static DataStreamTimestamp resolve(
      StructType schema, String configured, String dataStream, boolean sourceKnown) {
    String option = ConfigKeys.DATASTREAM_TIMESTAMP_COLUMN.name();
    boolean required = dataStream != null;
    int own = ordinal(schema, FIELD);
    if (configured != null) {
      int ordinal = ordinal(schema, configured);
      if (ordinal < 0) {
        throw new ConfigException(
            option,
            String.format(
                "%s=%s names no top-level column; the columns are %s",
                option, configured, Arrays.toString(schema.fieldNames())));
      }
      if (own >= 0 && own != ordinal) {
        throw new ConfigException(
            option,
            String.format(
                "%s=%s would be written as %s, but the rows have a %s column too: drop one",
                option, configured, FIELD, FIELD));
      }
      return new DataStreamTimestamp(ordinal, configured, required);
    }
    if (own >= 0 || !required) {
      return own < 0 ? NONE : new DataStreamTimestamp(own, FIELD, required);
    }
    if (!sourceKnown) {
      return NONE;
    }
    throw new ConfigException(
        option,
        String.format(
            "'%s' is a data stream: every document needs a %s field, and the rows have no %s"
                + " column. Set %s to the column that holds each row's time, or %s to a pipeline"
                + " that sets it",
            dataStream, FIELD, FIELD, option, ConfigKeys.INGEST_PIPELINE.name()));
  }

  /** The schema the documents are written with: the timestamp column named {@code @timestamp}. */
  StructType written(StructType schema) {
    if (ordinal < 0 || FIELD.equals(schema.fields()[ordinal].name())) {
      return schema;
    }
    StructField[] fields = schema.fields().clone();
    StructField column = fields[ordinal];
    fields[ordinal] =
        new StructField(FIELD, column.dataType(), column.nullable(), column.metadata());
    return new StructType(fields);
  }

  /**
   * @throws RowConversionException naming {@code @timestamp} when a data stream's row has none
   */
  void check(InternalRow row) {
    if (required && ordinal >= 0 && row.isNullAt(ordinal)) {
      String from = FIELD.equals(column) ? "" : " (column '" + column + "')";
      throw new RowConversionException(
          FIELD, "is null" + from + ", and a data stream needs a " + FIELD + " on every document");
    }
  }

  private static int ordinal(StructType schema, String name) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
