package dev.sluice.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterCodecTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A record of an {@code op} action in index logs, with what the action carried. */
  private static DeadLetterRecord action(
      String op,
      byte[] source,
      String routing,
      Long version,
      String versionType,
      byte[] scriptParams,
      String pipeline) {
    return new DeadLetterRecord(
        DeadLetterRecord.FORMAT_VERSION,
        "logs",
        "r13",
        op,
        400,
        "strict_dynamic_mapping_exception",
        "no color",
        1,
        AT,
        AT,
        "partition 0 row 13",
        "w1",
        source,
        routing,
        version,
        versionType,
        scriptParams,
        pipeline);
  }

  /** A record of a plain {@code index} action. */
  private static DeadLetterRecord plain(byte[] source) {
    return action("index", source, null, null, null, null, null);
  }

  private static String written(DeadLetterRecord r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DeadLetterCodec.writeLine(r, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** An index action's record as a Sluice of that format wrote it. */
  private static DeadLetterRecord olderRecord(int format) throws IOException {
    return DeadLetterCodec.readLine(
        "{\"v\":"
            + format
            + ",\"index\":\"i\",\"id\":\"1\",\"op\":\"index\",\"status\":400,"
            + "\"error_type\":\"t\",\"reason\":\"r\",\"attempts\":1,"
            + "\"first_attempt\":\"2026-01-01T00:00:00Z\","
            + "\"last_attempt\":\"2026-01-01T00:00:00Z\",\"position\":\"p\","
            + "\"writer_id\":\"w\",\"source\":{\"a\":1}}");
  }

  private static DeadLetterRecord roundTrip(DeadLetterRecord r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DeadLetterCodec.writeLine(r, out);
    return DeadLetterCodec.readLine(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void routingVersionAndScriptParamsComeBack() throws Exception {
    DeadLetterRecord back =
        roundTrip(
            action(
                "update",
                utf8("{\"id\":\"r13\"}"),
                "s1",
                113L,
                "external_gte",
                utf8("{\"inc\":13,\"tag\":\"red\"}"),
                null));
    assertThat(back.keepsWholeAction()).isTrue();
    assertThat(back.index()).isEqualTo("logs");
    assertThat(back.op()).isEqualTo("update");
    assertThat(back.routing()).isEqualTo("s1");
    assertThat(back.version()).isEqualTo(113L);
    assertThat(back.versionType()).isEqualTo("external_gte");
    assertThat(new String(back.scriptParams(), StandardCharsets.UTF_8))
        .isEqualTo("{\"inc\":13,\"tag\":\"red\"}");
  }

  @Test
  void aPlainActionWritesNoneOfThem() throws Exception {
    String line = written(plain(utf8("a,b")));
    assertThat(line).doesNotContain("routing").doesNotContain("version\"").contains("base64");
    DeadLetterRecord back = DeadLetterCodec.readLine(line);
    assertThat(back.routing()).isNull();
    assertThat(back.version()).isNull();
    assertThat(back.scriptParams()).isNull();
    assertThat(back.pipeline()).isNull();
    assertThat(back.source()).isEqualTo(utf8("a,b"));
  }

  @Test
  void aJsonSourceAndItsScriptParamsComeBackByteForByte() throws Exception {
    // A replay sends these bytes: a decimal column's digits, its trailing zeros and the spelling
    // of every number stay as the load wrote them (re-read as doubles, 17 significant digits
    // survived and "1.50" became "1.5"), and a content-hash id still matches its body.
    String source =
        "{\"amount\":12345678901234567.8901234567,\"price\":1.50,\"n\":1E+3,"
            + "\"big\":123456789012345678901234567890,\"tiny\":4.9E-324,"
            + "\"name\":\"caf\u00e9 \\u00e9\",\"tags\":[1.10,{\"x\":null}]}";
    String params = "{\"inc\":0.1000000000000000055511151231257827}";
    DeadLetterRecord back =
        roundTrip(action("upsert", utf8(source), null, null, null, utf8(params), null));
    assertThat(new String(back.source(), StandardCharsets.UTF_8)).isEqualTo(source);
    assertThat(new String(back.scriptParams(), StandardCharsets.UTF_8)).isEqualTo(params);
  }

  @Test
  void aPrettyPrintedOrNonUtf8BodyComesBackByteForByte() throws Exception {
    for (byte[] source :
        List.of(
            utf8("{\n  \"a\": 1,\r\n  \"b\": [1.50]\n}"),
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'})) {
      String line = written(plain(source));
      assertThat(line.split("\n", -1)).hasSize(2); // one record, one line
      assertThat(DeadLetterCodec.readLine(line.strip()).source()).isEqualTo(source);
    }
  }

  @Test
  void thePipelineComesBack() throws Exception {
    DeadLetterRecord back =
        roundTrip(action("create", utf8("{\"id\":\"r7\"}"), null, null, null, null, "enrich-v2"));
    assertThat(back.keepsPipeline()).isTrue();
    assertThat(back.pipeline()).isEqualTo("enrich-v2");
  }

  @Test
  void aRecordOfFormatTwoDoesNotSayWhetherItsActionNamedAPipeline() throws Exception {
    DeadLetterRecord older = olderRecord(2);
    assertThat(older.keepsWholeAction()).isTrue();
    assertThat(older.keepsPipeline()).isFalse();
  }

  @Test
  void aRecordOfFormatOneIsStillReadAndSaysItKeptLess() throws Exception {
    DeadLetterRecord old = olderRecord(1);
    assertThat(old.keepsWholeAction()).isFalse();
    assertThat(old.routing()).isNull();
    assertThat(old.source()).isEqualTo(utf8("{\"a\":1}"));
  }

  @Test
  void aNewerFormatIsRefusedNamingWhatIsRead() {
    assertThatThrownBy(() -> DeadLetterCodec.readLine("{\"v\":4}"))
        .hasMessageContaining("format version 4")
        .hasMessageContaining("reads 1 to 3");
  }
}
