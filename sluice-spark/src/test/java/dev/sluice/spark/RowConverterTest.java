package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.checkpoint.ConvertedRow;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class RowConverterTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("key", DataTypes.StringType)
          .add("blob", DataTypes.BinaryType)
          .add("amount", DataTypes.DoubleType);

  private static RowConverter converter(String... options) {
    Map<String, String> given = new HashMap<>();
    given.put("es.resource", "orders");
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return new RowConverter(SparkWriteConf.resolve(given, SCHEMA, "q"));
  }

  private static GenericInternalRow row(Object key, byte[] blob, double amount) {
    Object text = key instanceof String s ? UTF8String.fromString(s) : key;
    return new GenericInternalRow(new Object[] {text, blob, amount});
  }

  @Test
  void aRowThatCannotBecomeJsonIsDeadLetteredWithItsId() {
    ConvertedRow nan =
        converter("es.mapping.id", "key").convert(row("k-1", null, Double.NaN), "p0 r1");

    assertThat(nan.rejected()).isTrue();
    assertThat(nan.reason()).contains("amount");
    assertThat(nan.document().id()).isEqualTo("k-1");
  }

  @Test
  void binaryIdsAreBase64UrlOfTheBytesSoEqualBytesGiveEqualIdsAndOthersDiffer() {
    RowConverter converter = converter("es.mapping.id", "blob");
    byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01};

    String first = converter.convert(row("a", bytes.clone(), 1), "r1").document().id();
    String again = converter.convert(row("b", bytes.clone(), 2), "r2").document().id();
    String other = converter.convert(row("c", new byte[] {1, 2, 3}, 3), "r3").document().id();

    assertThat(first).isEqualTo("-_8B").isEqualTo(again);
    assertThat(other).isEqualTo("AQID");
  }

  @Test
  void binaryRoutingIsDeterministicToo() {
    RowConverter converter = converter("es.mapping.id", "key", "es.mapping.routing", "blob");

    ConvertedRow converted = converter.convert(row("k", new byte[] {1, 2, 3}, 1), "r1");

    assertThat(converted.document().routing()).isEqualTo("AQID");
  }

  @Test
  void aStringIdThatIsNotValidUtf8IsDeadLetteredNamingTheField() {
    RowConverter converter = converter("es.mapping.id", "key");
    UTF8String invalid = UTF8String.fromBytes(new byte[] {'k', (byte) 0xc3});
    UTF8String otherInvalid = UTF8String.fromBytes(new byte[] {'k', (byte) 0xff});

    ConvertedRow first = converter.convert(row(invalid, null, 1), "r1");
    ConvertedRow second = converter.convert(row(otherInvalid, null, 2), "r2");

    assertThat(first.rejected()).isTrue();
    assertThat(first.reason()).contains("'key'").contains("UTF-8");
    assertThat(second.rejected()).isTrue();
  }

  @Test
  void aNullIdIsDeadLetteredNamingTheField() {
    ConvertedRow converted = converter("es.mapping.id", "key").convert(row(null, null, 1), "r1");

    assertThat(converted.rejected()).isTrue();
    assertThat(converted.errorType()).isEqualTo("row_conversion_exception");
    assertThat(converted.reason()).contains("'key'").contains("null");
    assertThat(converted.document().id()).isNull();
    assertThat(new String(converted.document().source(), UTF_8)).contains("\"amount\":1.0");
  }

  @Test
  void aGoodRowBecomesADocumentWithItsIdAndBody() {
    ConvertedRow converted = converter("es.mapping.id", "key").convert(row("k-9", null, 2.5), "r1");

    assertThat(converted.rejected()).isFalse();
    assertThat(converted.document().id()).isEqualTo("k-9");
    assertThat(new String(converted.document().source(), UTF_8))
        .isEqualTo("{\"key\":\"k-9\",\"amount\":2.5}");
  }

  @Test
  void contentHashIdsStillHashTheBody() {
    ConvertedRow converted = converter().convert(row("k-9", null, 2.5), "r1");

    assertThat(converted.document().id())
        .hasSize(43)
        .isEqualTo(
            dev.sluice.core.id.IdStrategy.contentHash()
                .idOf(java.util.List.of(), converted.document().source()));
  }
}
