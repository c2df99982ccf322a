package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the options may not say: each rule is refused before any document is sent. */
class SluiceConfigRulesTest {

  private static SluiceConfig config(String... keyValues) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return SluiceConfig.fromOptions(options);
  }

  private static ConfigException refusal(String... keyValues) {
    return catchThrowableOfType(ConfigException.class, () -> config(keyValues));
  }

  @Test
  void updateUpsertAndDeleteWithoutAnIdColumnAreRefusedNamingTheOption() {
    for (String op : List.of("update", "upsert", "delete")) {
      for (String strategy : List.of("hash", "auto")) {
        ConfigException e = refusal("es.write.operation", op, "sluice.id.strategy", strategy);
        assertThat(e).as(op + " " + strategy).isNotNull();
        assertThat(e.option()).isEqualTo("es.write.operation");
        assertThat(e.getMessage()).contains("es.write.operation=" + op).contains("es.mapping.id");
      }
      assertThat(refusal("es.write.operation", op)).as(op + " by default").isNotNull();
      assertThat(config("es.write.operation", op, "es.mapping.id", "key").defaultOp().name())
          .isEqualToIgnoringCase(op);
      config("es.write.operation", op, "sluice.id.fields", "a,b");
    }
    config("es.write.operation", "index");
    config("es.write.operation", "create", "sluice.id.strategy", "hash");
  }

  @Test
  void optionsThatWouldChangeTheDocumentsAreRefusedNamingTheOptionAndWhy() {
    Map<String, String> refused = new HashMap<>();
    refused.put("es.net.proxy.socks.host", "proxy");
    refused.put("es.update.script.file", "add.painless");
    refused.put("es.security.authentication", "kerberos");
    refused.forEach(
        (name, value) -> {
          ConfigException e = refusal(name, value);
          assertThat(e).as(name).isNotNull();
          assertThat(e.option()).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
          assertThat(e.getMessage()).contains(e.option()).contains("not supported by Sluice");
        });
  }

  @Test
  void aRefusedOptionsValueIsNeverShown() {
    ConfigException e = refusal("es.net.proxy.socks.pass", "hunter2");
    assertThat(e.getMessage()).contains("es.net.proxy.socks.pass").doesNotContain("hunter2");
  }

  @Test
  void valuesThatMeanWhatSluiceDoesAnywayAreAccepted() {
    config(
        "es.input.json", "false",
        "es.spark.dataframe.write.null", "no",
        "es.update.retry.on.conflict", "0",
        "es.mapping.include", "",
        "es.nodes.wan.only", "true",
        "es.batch.write.refresh", "true",
        "es.http.timeout", "2m",
        "es.scroll.size", "500",
        "es.security.authentication", "basic");
    config("es.batch.write.refresh", "false");
  }

  @Test
  void aTypoOfAKnownOptionIsRefusedWithTheRightName() {
    assertThat(refusal("es.mapping.idd", "key").getMessage()).contains("es.mapping.id?");
    assertThat(refusal("es.host", "h").getMessage()).contains("es.nodes");
    config("es.some.other.tools.option", "x");
  }

  @Test
  void userInfoInNodesIsUsedAsBasicAuthAndNeverShown() {
    SluiceConfig c =
        config("es.nodes", "https://elastic:s3cr%40t@es1:9243, https://elastic:s3cr%40t@es2");

    assertThat(c.connection().user()).isEqualTo("elastic");
    assertThat(c.connection().password().reveal()).isEqualTo("s3cr@t");
    assertThat(c.connection().nodes().toString()).isEqualTo("[https://es1:9243, https://es2:9200]");
    assertThat(c.toRedactedMap().get("es.nodes")).doesNotContain("s3cr").contains("es1:9243");
    assertThat(c.toString()).doesNotContain("s3cr");
  }

  @Test
  void userInfoInNodesConflictsWithOtherCredentialsAndMustBeComplete() {
    ConfigException twice =
        refusal(
            "es.nodes", "https://elastic:hunter2@es1",
            "es.net.http.auth.user", "bob",
            "es.net.http.auth.pass", "pw");
    assertThat(twice.option()).isEqualTo("es.net.http.auth.user");
    assertThat(twice.getMessage()).contains("es.nodes").doesNotContain("hunter2");

    assertThat(refusal("es.nodes", "https://elastic:hunter2@es1", "sluice.auth.bearer", "t"))
        .isNotNull();
    assertThat(refusal("es.nodes", "https://elastic@es1").getMessage()).contains("user:password");
    assertThat(refusal("es.nodes", "https://a:hunter2@es1,https://b:other@es2").getMessage())
        .doesNotContain("hunter2")
        .doesNotContain("other");
  }

  @Test
  void aBadNodesValueIsReportedWithoutItsUserInfo() {
    for (String bad :
        List.of(
            "ftp://elastic:hunter2@es1",
            "https://elastic:hunter2@:9200",
            "https://elastic:hunter2^@es1")) {
      ConfigException e = refusal("es.nodes", bad);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.getMessage()).as(bad).contains("es.nodes");
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).as(bad).doesNotContain("hunter2");
    }
  }

  @Test
  void userInfoInAnyUrlOptionIsRedacted() {
    SluiceConfig c = config("sluice.checkpoint.path", "s3a://AKIA:hunter2@bucket/ck");
    assertThat(c.toRedactedMap().get("sluice.checkpoint.path"))
        .isEqualTo("s3a://<redacted>@bucket/ck");
  }

  @Test
  void indexNamesElasticsearchRefusesAreRefusedNamingTheIndex() {
    for (String bad :
        List.of(
            "Orders",
            "_orders",
            "-orders",
            "+orders",
            ".",
            "..",
            "orders/doc",
            "or ders",
            "a,b",
            "logs*",
            "or#ders",
            "or:ders",
            "logs-{date",
            "logs-{}",
            "Logs-{date}",
            "<logs-{now/d}>",
            "x".repeat(256))) {
      ConfigException e = refusal("es.resource", bad);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.option()).isEqualTo("es.resource");
      assertThat(e.getMessage()).contains("'" + bad + "'");
    }
    assertThat(refusal("es.resource", "ok", "es.resource.write", "Bad").option())
        .isEqualTo("es.resource.write");
    for (String good :
        List.of(
            "orders",
            "logs-2026.11.30",
            ".hidden",
            "x".repeat(255),
            "ü",
            "logs-{service}-{@timestamp|yyyy.MM.dd}")) {
      assertThat(config("es.resource", good).defaultIndex()).isEqualTo(good);
    }
    assertThatThrownBy(() -> config("es.resource", "ü".repeat(128)))
        .hasMessageContaining("256 bytes");
  }
}
