package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataStreamTimestampTest {
  private static final StructType OWN =
      new StructType().add("msg", DataTypes.StringType).add("@timestamp", DataTypes.TimestampType);
  private static final StructType OTHER =
      new StructType().add("msg", DataTypes.StringType).add("ts", DataTypes.TimestampType);

  /** Which column is @timestamp: schema, configured column, data stream or not, source known. */
  @ParameterizedTest
  @CsvSource({
    // schema, configured, data stream, source known -> ordinal, column, required
    "own,   ,   logs, true,  1, @timestamp, true",
    "own,   ,     , true,  1, @timestamp, false", // an index: never checked
    "other, ts, logs, true,  1, ts, true",
    "other, ts,     , true,  1, ts, false", // renamed for an index too, never checked
    "other,   , logs, false, -1, , false", // JSON input or a pipeline: Elasticsearch judges
    "own,   @timestamp, logs, true, 1, @timestamp, true",
  })
  void theColumnWrittenAsTimestamp(
      String schema,
      String configured,
      String dataStream,
      boolean sourceKnown,
      int ordinal,
      String column,
      boolean required) {
    DataStreamTimestamp resolved =
        DataStreamTimestamp.resolve(
            schema.equals("own") ? OWN : OTHER, configured, dataStream, sourceKnown);

    assertThat(resolved).isEqualTo(new DataStreamTimestamp(ordinal, column, required));
  }

  @Test
  void aDataStreamWithoutATimestampColumnIsRefusedBeforeAnyTaskNamingTheOptions() {
    assertThatThrownBy(() -> DataStreamTimestamp.resolve(OTHER, null, "logs", true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'logs' is a data stream")
        .hasMessageContaining("no @timestamp column")
        .hasMessageContaining("sluice.datastream.timestamp.column")
        .hasMessageContaining("es.ingest.pipeline");
  }

  @Test
  void aConfiguredColumnThatIsNotThereIsRefusedListingTheColumns() {
    assertThatThrownBy(() -> DataStreamTimestamp.resolve(OTHER, "time", "logs", true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.datastream.timestamp.column=time names no top-level column")
        .hasMessageContaining("[msg, ts]");
  }

  @Test
  void aConfiguredColumnBesideAnOwnTimestampColumnIsRefused() {
    StructType both = OWN.add("ts", DataTypes.TimestampType);

    assertThatThrownBy(() -> DataStreamTimestamp.resolve(both, "ts", "logs", true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("a @timestamp column too");
  }

  @Test
  void theConfiguredColumnIsWrittenAsTimestampKeepingItsType() {
    StructType written = DataStreamTimestamp.resolve(OTHER, "ts", "logs", true).written(OTHER);

    assertThat(written.fieldNames()).containsExactly("msg", "@timestamp");
    assertThat(written.fields()[1].dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(DataStreamTimestamp.NONE.written(OTHER)).isSameAs(OTHER);
  }

  @Test
  void aNullTimestampRefusesTheRowOnlyForADataStream() {
    GenericInternalRow noTime = new GenericInternalRow(new Object[] {null, null});

    assertThatThrownBy(() -> DataStreamTimestamp.resolve(OTHER, "ts", "logs", true).check(noTime))
        .isInstanceOf(RowConversionException.class)
        .hasMessage(
            "field '@timestamp': is null (column 'ts'), and a data stream needs a @timestamp on"
                + " every document");
    assertThatCode(() -> DataStreamTimestamp.resolve(OTHER, "ts", null, true).check(noTime))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                DataStreamTimestamp.resolve(OWN, null, "logs", true)
                    .check(new GenericInternalRow(new Object[] {null, 1L})))
        .doesNotThrowAnyException();
  }
}
