package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.OpType;
import dev.sluice.core.checkpoint.ConvertedRow;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Rows written into a data stream, through the resolved write and the row converter. */
class DataStreamRowsTest {
  private static final StructType SCHEMA =
      new StructType().add("msg", DataTypes.StringType).add("ts", DataTypes.TimestampType);

  private static SparkWriteConf conf(String... options) {
    Map<String, String> given = new HashMap<>();
    given.put("es.resource", "logs-app");
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return SparkWriteConf.resolve(
        given, SCHEMA, "q", engine -> IndexMapping.missing(), engine -> "logs-app");
  }

  private static GenericInternalRow row(String msg, Long micros) {
    return new GenericInternalRow(new Object[] {UTF8String.fromString(msg), micros});
  }

  @Test
  void theTimestampColumnIsWrittenAsTimestampAndTheIndexOperationBecomesCreate() {
    SparkWriteConf conf = conf("sluice.datastream.timestamp.column", "ts");

    ConvertedRow converted = new RowConverter(conf).convert(row("up", 0L), "p0 r1");

    assertThat(conf.engine().defaultOp()).isEqualTo(OpType.CREATE);
    assertThat(new String(converted.document().source(), UTF_8))
        .isEqualTo("{\"msg\":\"up\",\"@timestamp\":\"1970-01-01T00:00:00Z\"}");
  }

  @Test
  void aRowWithoutTimestampIsDeadLetteredWithItsIdNamingTheField() {
    ConvertedRow converted =
        new RowConverter(conf("sluice.datastream.timestamp.column", "ts", "es.mapping.id", "msg"))
            .convert(row("down", null), "p0 r2");

    assertThat(converted.rejected()).isTrue();
    assertThat(converted.reason()).contains("'@timestamp'").contains("column 'ts'");
    assertThat(converted.document().id()).isEqualTo("down");
  }

  @Test
  void anUpdateIntoADataStreamIsRefusedBeforeAnyTask() {
    assertThatThrownBy(
            () ->
                conf(
                    "sluice.datastream.timestamp.column",
                    "ts",
                    "es.write.operation",
                    "update",
                    "es.mapping.id",
                    "msg"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("es.write.operation=update");
  }

  @Test
  void aTimestampColumnCannotRenameAFieldOfJsonDocuments() {
    assertThatThrownBy(
            () -> conf("sluice.datastream.timestamp.column", "ts", "es.input.json", "true"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.datastream.timestamp.column cannot be used with")
        .hasMessageContaining("es.input.json=true");
  }
}
