package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    expected.put("es.mapping.routing", null);
    expected.put("es.write.operation", "index");
    expected.put("es.index.auto.create", "true");
    expected.put("es.batch.write.refresh", "true");
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
    expected.put("sluice.memory.max.bytes", null); // derived: BatchOptionsTest
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
    expected.put("sluice.id.hash.encoding", null);
    expected.put("sluice.id.fields", null);
    expected.put("sluice.checkpoint.path", null);
    expected.put("sluice.checkpoint.force", "false");
    expected.put("sluice.checkpoint.every.rows", "50000");
    expected.put("sluice.checkpoint.every", "10s");
    expected.put("sluice.checkpoint.segment.rows", "10000");
    expected.put("sluice.checkpoint.input", null);
    expected.put("es.mapping.include", "");
    expected.put("es.mapping.exclude", "");
    expected.put("es.spark.dataframe.write.null", "false");
    expected.put("es.input.json", "false");
    expected.put("sluice.write.dates", "iso");
    expected.put("sluice.report.path", null);
    expected.put("es.nodes.path.prefix", "");
    expected.put("es.http.timeout", "1m");
    expected.put("es.net.proxy.http.host", null);
    expected.put("es.net.proxy.http.port", null);
    expected.put("es.net.proxy.http.user", null);
    expected.put("es.net.proxy.http.pass", null);
    expected.put("es.net.proxy.http.use.system.props", "false");
    expected.put("es.net.proxy.https.host", null);
    expected.put("es.net.proxy.https.port", null);
    expected.put("es.net.proxy.https.user", null);
    expected.put("es.net.proxy.https.pass", null);
    expected.put("es.net.proxy.https.use.system.props", "false");
    expected.put("es.write.rest.error.handlers", null);
    // What each bulk action carries (issue 13)
    expected.put("es.ingest.pipeline", null);
    expected.put("es.mapping.version", null);
    expected.put("es.mapping.version.type", "external");
    expected.put("es.mapping.join", null);
    expected.put("es.update.script.inline", null);
    expected.put("es.update.script.stored", null);
    expected.put("es.update.script.lang", null);
    expected.put("es.update.script.params", null);
    expected.put("es.update.script.params.json", null);
    expected.put("es.update.script.upsert", "false");
    expected.put("es.update.retry.on.conflict", "0");
    // Data streams (issue 17)
    expected.put("sluice.datastream.timestamp.column", null);

    Map<String, String> actual = new LinkedHashMap<>();
    ConfigKeys.ALL.forEach(k -> actual.put(k.name(), k.defaultText()));
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  /**
   * Every option elasticsearch-hadoop reads (its ConfigurationOptions and configuration page, 8.x),
   * with what Sluice does when it is given with a value other than its default: implemented,
   * ignored (same documents; a WARN) or refused (an error before any task starts).
   */
  @Test
  void everyElasticsearchHadoopOptionIsClassified() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String implemented :
        List.of(
            "es.resource",
            "es.resource.write",
            "es.nodes",
            "es.port",
            "es.index.auto.create",
            "es.batch.write.refresh",
            "es.write.operation",
            "es.mapping.id",
            "es.mapping.routing",
            "es.batch.size.bytes",
            "es.batch.size.entries",
            "es.batch.write.retry.count",
            "es.batch.write.retry.wait",
            "es.net.ssl",
            "es.net.ssl.keystore.location",
            "es.net.ssl.keystore.pass",
            "es.net.ssl.keystore.type",
            "es.net.ssl.truststore.location",
            "es.net.ssl.truststore.pass",
            "es.net.ssl.cert.allow.self.signed",
            "es.net.http.auth.user",
            "es.net.http.auth.pass",
            "es.net.http.header.authorization",
            "es.mapping.include",
            "es.mapping.exclude",
            "es.spark.dataframe.write.null",
            "es.input.json",
            "es.nodes.path.prefix",
            "es.http.timeout",
            "es.net.proxy.http.host",
            "es.net.proxy.http.port",
            "es.net.proxy.http.user",
            "es.net.proxy.http.pass",
            "es.net.proxy.http.use.system.props",
            "es.net.proxy.https.host",
            "es.net.proxy.https.port",
            "es.net.proxy.https.user",
            "es.net.proxy.https.pass",
            "es.net.proxy.https.use.system.props",
            "es.write.rest.error.handlers",
            "es.ingest.pipeline",
            "es.mapping.version",
            "es.mapping.version.type",
            "es.mapping.join",
            "es.update.script.inline",
            "es.update.script.stored",
            "es.update.script.lang",
            "es.update.script.params",
            "es.update.script.params.json",
            "es.update.script.upsert",
            "es.update.retry.on.conflict")) {
      expected.put(implemented, "implemented");
    }
    // Families read by HeaderOptions and ErrorHandlerOptions, not one key each.
    for (String family :
        List.of(
            "es.net.http.header.x-opaque-id",
            "es.write.rest.error.handler.log.logger.name",
            "es.write.rest.error.handler.es.client.resource")) {
      expected.put(family, "family");
    }
    for (String refused :
        List.of(
            "es.mapping.parent",
            "es.mapping.ttl",
            "es.mapping.timestamp",
            "es.mapping.id.extractor.class",
            "es.mapping.default.extractor.class",
            "es.mapping.index.extractor.class",
            "es.mapping.index.formatter.class",
            "es.mapping.params.extractor.class",
            "es.update.script",
            "es.update.script.file",
            "es.upsert.doc",
            "es.ser.writer.value.class",
            "es.ser.writer.bytes.class",
            "es.write.data.error.handlers",
            "es.net.proxy.socks.host",
            "es.net.proxy.socks.pass",
            "es.net.proxy.socks.use.system.props",
            "es.net.spnego.auth.elasticsearch.principal",
            "es.security.authentication",
            "es.keystore.location")) {
      expected.put(refused, "refused");
    }
    for (String ignored :
        List.of(
            "es.batch.write.retry.policy",
            "es.batch.flush.manual",
            "es.http.retries",
            "es.action.heart.beat.lead",
            "es.net.ssl.protocol",
            "es.nodes.discovery",
            "es.nodes.wan.only",
            "es.nodes.client.only",
            "es.nodes.data.only",
            "es.nodes.ingest.only",
            "es.nodes.resolve.hostname",
            "es.mapping.constant.auto.quote",
            "es.mapping.date.rich",
            "es.resource.read",
            "es.query",
            "es.read.metadata",
            "es.read.field.as.array.include",
            "es.read.data.error.handlers",
            "es.field.read.empty.as.null",
            "es.index.read.missing.as.empty",
            "es.scroll.size",
            "es.output.json",
            "es.ser.reader.value.class",
            "es.spark.sql.streaming.sink.log.enabled",
            "es.internal.spark.sql.pushdown")) {
      expected.put(ignored, "ignored");
    }

    Map<String, String> actual = new LinkedHashMap<>();
    for (String name : expected.keySet()) {
      UnimplementedOption option = ConfigKeys.unimplemented(name);
      boolean family =
          name.startsWith(ConfigKeys.HEADER_PREFIX)
              || name.startsWith(ConfigKeys.ERROR_HANDLER_PREFIX);
      actual.put(
          name,
          ConfigKeys.BY_NAME.containsKey(name)
              ? "implemented"
              : family && option == null
                  ? "family"
                  : option == null ? "unknown" : option.effect().name().toLowerCase(Locale.ROOT));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void everyUnimplementedOptionSaysWhyAndNoneShadowsAnImplementedOne() {
    for (UnimplementedOption option : ConfigKeys.UNIMPLEMENTED) {
      assertThat(option.reason()).as(option.pattern()).isNotBlank();
      assertThat(option.pattern()).as(option.pattern()).startsWith("es.");
    }
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      assertThat(ConfigKeys.unimplemented(key.name()))
          .as(key.name())
          .satisfiesAnyOf(
              u -> assertThat(u).isNull(),
              u -> assertThat(key.name()).isEqualTo("es.net.http.header.authorization"));
    }
  }

  @Test
  void renamedKeysPointAtTheirNewName() {
    assertThat(ConfigKeys.RENAMED).containsEntry("es.host", ConfigKeys.NODES);
    assertThat(ConfigKeys.RENAMED.keySet())
        .doesNotContainAnyElementsOf(ConfigKeys.BY_NAME.keySet());
  }

  @Test
  void exactlyTheCredentialKeysAreSecret() {
    assertThat(ConfigKeys.ALL.stream().filter(ConfigKey::secret).map(ConfigKey::name))
        .containsExactlyInAnyOrder(
            "es.net.ssl.truststore.pass",
            "es.net.http.auth.pass",
            "es.net.http.header.authorization",
            "es.net.proxy.http.pass",
            "es.net.proxy.https.pass",
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
