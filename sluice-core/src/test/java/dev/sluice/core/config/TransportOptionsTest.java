package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** es.nodes.path.prefix, es.net.http.header.*, es.net.proxy.*, es.http.timeout, as parsed. */
class TransportOptionsTest {
  private static final SecretResolver ENV =
      SecretResolver.withEnvironment(name -> name.equals("TENANT_TOKEN") ? "t0ken\n" : null);

  private static SluiceConfig config(String... keyValues) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return SluiceConfig.fromOptions(options, ENV);
  }

  private static ConfigException refusal(String... keyValues) {
    return catchThrowableOfType(ConfigException.class, () -> config(keyValues));
  }

  @Test
  void aPathPrefixGetsOneLeadingSlashAndNoTrailingOne() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("", "");
    expected.put("/", "");
    expected.put("  ", "");
    expected.put("es", "/es");
    expected.put("/es", "/es");
    expected.put("/es/", "/es");
    expected.put(" es// ", "/es");
    expected.put("/gateway/es", "/gateway/es");
    Map<String, String> actual = new LinkedHashMap<>();
    expected
        .keySet()
        .forEach(
            given ->
                actual.put(given, config("es.nodes.path.prefix", given).connection().pathPrefix()));
    assertThat(actual).containsExactlyEntriesOf(expected);
    assertThat(config().connection().pathPrefix()).isEmpty();
    assertThat(refusal("es.nodes.path.prefix", "/es?x=1").option())
        .isEqualTo("es.nodes.path.prefix");
  }

  @Test
  void extraHeadersAreReadAndSecretLookingOnesAreRedacted() {
    SluiceConfig c =
        config(
            "es.net.http.header.X-Opaque-Id", "load-7",
            "es.net.http.header.X-Api-Token", "env:TENANT_TOKEN",
            "es.net.http.header.Cookie", "session=abc",
            "es.net.http.header.X-Upstream-Auth", "u:p");

    assertThat(c.connection().headers())
        .extracting(HttpHeader::name, h -> h.value().reveal())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cookie", "session=abc"),
            org.assertj.core.groups.Tuple.tuple("x-api-token", "t0ken"),
            org.assertj.core.groups.Tuple.tuple("x-opaque-id", "load-7"),
            org.assertj.core.groups.Tuple.tuple("x-upstream-auth", "u:p"));
    assertThat(c.toRedactedMap())
        .containsEntry("es.net.http.header.x-opaque-id", "load-7")
        .containsEntry("es.net.http.header.x-api-token", Secret.REDACTED)
        .containsEntry("es.net.http.header.cookie", Secret.REDACTED)
        .containsEntry("es.net.http.header.x-upstream-auth", Secret.REDACTED);
    assertThat(c.toString() + c.connection()).doesNotContain("abc").doesNotContain("t0ken");
  }

  @Test
  void headersSluiceSetsItselfAreRefusedNamingTheOption() {
    for (String name :
        List.of("Content-Type", "Accept", "Content-Length", "Host", "Proxy-Authorization")) {
      ConfigException e = refusal("es.net.http.header." + name, "x");
      assertThat(e).as(name).isNotNull();
      assertThat(e.option()).isEqualTo("es.net.http.header." + name.toLowerCase());
      assertThat(e.getMessage()).contains(e.option()).contains("Sluice sets itself");
    }
    assertThat(refusal("es.net.http.header.bad name", "x").option())
        .isEqualTo("es.net.http.header.bad name");
    assertThat(refusal("es.net.http.header.X-A", "env:UNSET").option())
        .isEqualTo("es.net.http.header.x-a");
    // Authorization stays one credential scheme among the others.
    assertThat(
            refusal(
                    "es.net.http.header.Authorization", "Bearer x",
                    "es.net.http.auth.user", "u",
                    "es.net.http.auth.pass", "p")
                .getMessage())
        .contains("Give only one of");
    assertThat(config("es.net.http.header.Authorization", "Bearer x").connection().headers())
        .isEmpty();
  }

  @Test
  void esHttpTimeoutAppliesWhereSluicesOwnTimeoutIsNotGiven() {
    ConnectionSettings neither = config().connection();
    assertThat(neither.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(neither.connectTimeout()).isEqualTo(Duration.ofSeconds(10));

    SluiceConfig esOnlyConfig = config("es.http.timeout", "2m");
    assertThat(esOnlyConfig.toRedactedMap())
        .containsEntry("sluice.request.timeout", "2m")
        .containsEntry("sluice.connect.timeout", "2m");
    ConnectionSettings esOnly = esOnlyConfig.connection();
    assertThat(esOnly.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(esOnly.connectTimeout()).isEqualTo(Duration.ofMinutes(2));

    ConnectionSettings both =
        config("es.http.timeout", "2m", "sluice.request.timeout", "30s").connection();
    assertThat(both.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(both.connectTimeout()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void proxiesAreReadPerSchemeWithTheirCredentials() {
    ProxySettings p =
        config(
                "es.net.proxy.http.host", "gw",
                "es.net.proxy.http.port", "3128",
                "es.net.proxy.http.user", "me",
                "es.net.proxy.http.pass", "pw",
                "es.net.proxy.https.host", "tls-gw")
            .connection()
            .proxy();
    Map<String, String> none = Map.of();
    assertThat(p.forScheme("http", none::get).toString()).isEqualTo("me@gw:3128");
    assertThat(p.forScheme("http", none::get).password().reveal()).isEqualTo("pw");
    assertThat(p.forScheme("https", none::get).toString()).isEqualTo("tls-gw");
    assertThat(config().connection().proxy().forScheme("http", none::get)).isNull();
  }

  @Test
  void theJvmsProxyPropertiesAreUsedOnlyWhenAskedAndWhereNoHostIsGiven() {
    Map<String, String> jvm =
        Map.of("http.proxyHost", "sys", "http.proxyPort", "8080", "https.proxyHost", "sys-tls");
    assertThat(config().connection().proxy().forScheme("http", jvm::get)).isNull();

    ProxySettings p =
        config(
                "es.net.proxy.http.use.system.props", "true",
                "es.net.proxy.https.use.system.props", "yes",
                "es.net.proxy.https.host", "given")
            .connection()
            .proxy();
    assertThat(p.forScheme("http", jvm::get).toString()).isEqualTo("sys:8080");
    assertThat(p.forScheme("https", jvm::get).toString()).isEqualTo("given");
  }

  @Test
  void aProxyUserNeedsItsPasswordAndEveryProxySettingNeedsAHost() {
    assertThat(refusal("es.net.proxy.http.host", "gw", "es.net.proxy.http.user", "me").option())
        .isEqualTo("es.net.proxy.http.pass");
    assertThat(refusal("es.net.proxy.https.port", "3128").option())
        .isEqualTo("es.net.proxy.https.host");
    ConfigException e = refusal("es.net.proxy.socks.host", "s");
    assertThat(e.getMessage()).contains("es.net.proxy.socks.host").contains("SOCKS");
    assertThat(
            config(
                    "es.net.proxy.http.host", "gw",
                    "es.net.proxy.http.user", "me",
                    "es.net.proxy.http.pass", "pw")
                .toRedactedMap())
        .containsEntry("es.net.proxy.http.pass", Secret.REDACTED)
        .containsEntry("es.net.proxy.http.user", "me");
  }

  @Test
  void indexAutoCreateNoMeansFalseAsInElasticsearchHadoop() {
    assertThat(config("es.index.auto.create", "no").write().indexAutoCreate()).isFalse();
    assertThat(config("es.index.auto.create", "false").write().indexAutoCreate()).isFalse();
    assertThat(config("es.index.auto.create", "yes").write().indexAutoCreate()).isTrue();
  }
}
