package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins every option name and default: changing one must be a visible decision. */
class ConfigKeysTest {

  @Test
  void everyKeyAndDefaultIsPinned() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("es.nodes", "localhost");
    expected.put("es.port", "9200");
    expected.put("es.net.ssl", "false");
    expected.put("es.net.ssl.truststore.location", null);
    expected.put("es.net.ssl.truststore.pass", null);
    expected.put("es.net.ssl.truststore.type", "JKS");
    expected.put("es.net.http.auth.user", null);
    expected.put("es.net.http.auth.pass", null);
    expected.put("es.net.http.header.authorization", null);
    expected.put("es.resource", null);
    expected.put("es.resource.write", null);
    expected.put("es.mapping.id", null);
    expected.put("es.write.operation", "index");
    expected.put("es.index.auto.create", "true");
    expected.put("es.batch.size.entries", "10000");
    expected.put("es.batch.size.bytes", "5mb");
    expected.put("es.batch.write.retry.count", "3");
    expected.put("es.batch.write.retry.wait", "500ms");
    expected.put("sluice.deadletter.path", "./sluice-deadletter");
    expected.put("sluice.deadletter.max.count", "-1");
    expected.put("sluice.deadletter.max.ratio", "0.1");
    expected.put("sluice.deadletter.ratio.min.docs", "1000");
    expected.put("sluice.retry.max.delay", "30s");
    expected.put("sluice.retry.budget", "10m");
    expected.put("sluice.bulk.concurrency", "3");
    expected.put("sluice.memory.max.bytes", "64mb");
    expected.put("sluice.flow.adaptive", "true");
    expected.put("sluice.flow.min.batch.bytes", "256kb");
    expected.put("sluice.flow.latency.target", "10s");
    expected.put("sluice.batch.flush.interval", "1s");
    expected.put("sluice.request.timeout", "60s");
    expected.put("sluice.connect.timeout", "10s");
    expected.put("sluice.http.compression", "false");
    expected.put("sluice.auth.api.key", null);
    expected.put("sluice.auth.bearer", null);
    expected.put("sluice.net.ssl.ca.pem", null);
    expected.put("sluice.net.ssl.verify.hostname", "true");
    expected.put("es.net.ssl.cert.allow.self.signed", "false");
    expected.put("es.net.ssl.keystore.location", null);
    expected.put("es.net.ssl.keystore.pass", null);
    expected.put("es.net.ssl.keystore.type", "JKS");
    expected.put("sluice.id.strategy", null);
    expected.put("sluice.id.fields", null);
    expected.put("sluice.checkpoint.path", null);
    expected.put("sluice.checkpoint.force", "false");
    expected.put("sluice.checkpoint.every.rows", "50000");
    expected.put("sluice.checkpoint.every", "10s");
    expected.put("sluice.checkpoint.segment.rows", "10000");
    expected.put("sluice.checkpoint.input", null);

    Map<String, String> actual = new LinkedHashMap<>();
    ConfigKeys.ALL.forEach(k -> actual.put(k.name(), k.defaultText()));
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void exactlyTheCredentialKeysAreSecret() {
    assertThat(ConfigKeys.ALL.stream().filter(ConfigKey::secret).map(ConfigKey::name))
        .containsExactlyInAnyOrder(
            "es.net.ssl.truststore.pass",
            "es.net.http.auth.pass",
            "es.net.http.header.authorization",
            "sluice.auth.api.key",
            "sluice.auth.bearer",
            "es.net.ssl.keystore.pass");
  }

  @Test
  void everyKeyHasADescriptionAndAValidDefault() {
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      assertThat(key.description()).as(key.name()).isNotBlank();
      key.parseDefault(); // throws if a default does not pass its own validation
    }
  }
}
