package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.config.NodeAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SluiceConfigTest {

  @Test
  void defaultsAreTyped() {
    SluiceConfig c = SluiceConfig.fromOptions(Map.of());
    assertThat(c.connection().nodes()).containsExactly(new NodeAddress("http", "localhost", 9200));
    assertThat(c.defaultIndex()).isNull();
    assertThat(c.idField()).isNull();
    assertThat(c.defaultOp()).isEqualTo(OpType.INDEX);
    assertThat(c.batch().maxBytes()).isEqualTo(5L << 20);
    assertThat(c.batch().maxDocs()).isEqualTo(10000);
    assertThat(c.batch().concurrency()).isEqualTo(3);
    assertThat(c.batch().memoryMaxBytes()).isEqualTo(20L << 20); // 5mb x (3 + 1)
    assertThat(c.retry().maxAttempts()).isEqualTo(4);
    assertThat(c.retry().baseDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.retry().budget()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.deadLetter().maxRatio()).isEqualTo(0.1);
  }

  @Test
  void parsesEsHadoopOptionsIgnoringKeyCase() {
    SluiceConfig c =
        SluiceConfig.fromOptions(
            Map.of(
                "es.nodes", "a, b:9201, https://c:443",
                "ES.PORT", "9300",
                "es.resource", "logs",
                "es.resource.write", "logs-write",
                "es.mapping.id", "uuid",
                "es.write.operation", "UPSERT",
                "es.batch.size.bytes", "512kb",
                "es.batch.write.retry.count", "-1",
                "es.batch.write.retry.wait", "2s"));
    assertThat(c.connection().nodes())
        .containsExactly(
            new NodeAddress("http", "a", 9300),
            new NodeAddress("http", "b", 9201),
            new NodeAddress("https", "c", 443));
    assertThat(c.defaultIndex()).isEqualTo("logs-write");
    assertThat(c.idField()).isEqualTo("uuid");
    assertThat(c.defaultOp()).isEqualTo(OpType.UPSERT);
    assertThat(c.batch().maxBytes()).isEqualTo(512 * 1024);
    assertThat(c.retry().maxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(c.retry().baseDelay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("es.port", "http"),
            Map.entry("es.batch.size.bytes", "5 parsecs"),
            Map.entry("es.batch.write.retry.wait", "soon"),
            Map.entry("es.write.operation", "merge"),
            Map.entry("sluice.flow.adaptive", "maybe"),
            Map.entry("sluice.deadletter.max.ratio", "1.5"),
            Map.entry("sluice.bulk.concurrency", "0"),
            Map.entry("es.nodes", "ftp://x"))) {
      assertThatThrownBy(() -> SluiceConfig.fromOptions(Map.of(bad.getKey(), bad.getValue())))
          .as(bad.getKey())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(bad.getKey())
          .hasMessageContaining(bad.getValue())
          .satisfies(e -> assertThat(((ConfigException) e).option()).isEqualTo(bad.getKey()));
    }
  }

  @Test
  void aBadSecretIsNamedButNeverShown() {
    assertThatThrownBy(
            () ->
                SluiceConfig.fromOptions(
                    Map.of("es.net.http.auth.user", "u", "es.net.http.auth.pass", "   ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("es.net.http.auth.pass");
  }

  @Test
  void unknownSluiceKeysFailAndUnknownEsKeysAreIgnored() {
    assertThatThrownBy(() -> SluiceConfig.fromOptions(Map.of("sluice.retry.budgte", "1m")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.retry.budgte");
    SluiceConfig.fromOptions(Map.of("es.nodes.wan.only", "true", "path", "x"));
  }

  @Test
  void crossFieldRulesAreChecked() {
    assertThatThrownBy(
            () ->
                SluiceConfig.fromOptions(
                    Map.of("es.batch.size.bytes", "10mb", "sluice.memory.max.bytes", "5mb")))
        .hasMessageContaining("sluice.memory.max.bytes");
    assertThatThrownBy(() -> SluiceConfig.fromOptions(Map.of("es.net.http.auth.user", "u")))
        .hasMessageContaining("es.net.http.auth.pass");
    assertThatThrownBy(
            () ->
                SluiceConfig.fromOptions(
                    Map.of("sluice.auth.api.key", "k", "sluice.auth.bearer", "t")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void secretsAreRedactedEverywhereButKeptForUse() throws Exception {
    SluiceConfig c =
        SluiceConfig.fromOptions(
            Map.of("es.net.http.auth.user", "elastic", "es.net.http.auth.pass", "hunter2"));
    assertThat(c.toString()).doesNotContain("hunter2").contains("<redacted>").contains("elastic");
    assertThat(c.toRedactedMap()).containsEntry("es.net.http.auth.pass", "<redacted>");
    assertThat(c.toRedactedMap().values()).doesNotContain("hunter2");
    assertThat(c.connection().password().toString()).isEqualTo("<redacted>");
    assertThat(c.connection().toString()).doesNotContain("hunter2");

    SluiceConfig copy = roundTrip(c);
    assertThat(copy).isEqualTo(c);
    assertThat(copy.connection().password().reveal()).isEqualTo("hunter2");
  }

  private static SluiceConfig roundTrip(SluiceConfig c) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (SluiceConfig) in.readObject();
    }
  }
}
