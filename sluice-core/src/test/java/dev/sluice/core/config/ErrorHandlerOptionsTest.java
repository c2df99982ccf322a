package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ErrorHandlerSettings.Result;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** es.write.rest.error.handlers and its handlers' settings, mapped onto dead letters. */
class ErrorHandlerOptionsTest {
  private static final String P = "es.write.rest.error.handler.";

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

  private static String kinds(DeadLetterSettings d) {
    return String.join(
        ",", d.handlers().stream().map(h -> h.getClass().getSimpleName().toLowerCase()).toList());
  }

  @Test
  void chainsKeepTheirOrderAndSetTheTolerance() {
    // chain -> handlers, max count, max ratio
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("(none)", " -1 0.1");
    expected.put("fail", "fail -1 1.0");
    expected.put("log", "log -1 1.0");
    expected.put("es", "index -1 1.0");
    expected.put("es, log", "index,log -1 1.0");
    expected.put("LOG,fail", "log,fail -1 1.0");
    expected.put(" , ", "fail -1 1.0");
    Map<String, String> actual = new LinkedHashMap<>();
    for (String chain : expected.keySet()) {
      SluiceConfig c =
          chain.equals("(none)")
              ? config()
              : config(
                  "es.write.rest.error.handlers",
                  chain,
                  P + "log.logger.name",
                  "BulkErrors",
                  P + "es.client.resource",
                  "errors");
      DeadLetterSettings d = c.deadLetter();
      actual.put(chain, kinds(d) + " " + d.maxCount() + " " + d.maxRatio());
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void sluicesOwnLimitsStillApplyWhenGivenBesideAChain() {
    DeadLetterSettings d =
        config(
                "es.write.rest.error.handlers",
                "log",
                P + "log.logger.name",
                "BulkErrors",
                "sluice.deadletter.max.count",
                "10")
            .deadLetter();
    assertThat(d.maxCount()).isEqualTo(10);
    assertThat(d.maxRatio()).isEqualTo(1.0);
    // The report shows the limits that apply, not the defaults the chain replaced.
    assertThat(
            config(
                    "es.write.rest.error.handlers",
                    "log",
                    P + "log.logger.name",
                    "BulkErrors",
                    "sluice.deadletter.max.count",
                    "10")
                .toRedactedMap())
        .containsEntry("sluice.deadletter.max.count", "10")
        .containsEntry("sluice.deadletter.max.ratio", "1.0");
  }

  @Test
  void theLogHandlerNeedsALoggerAndReadsItsLevel() {
    assertThat(refusal("es.write.rest.error.handlers", "log").option())
        .isEqualTo(P + "log.logger.name");
    ErrorHandlerSettings.Log byClass =
        (ErrorHandlerSettings.Log)
            config(
                    "es.write.rest.error.handlers",
                    "log",
                    P + "log.logger.class",
                    "org.example.Errors",
                    P + "log.logger.level",
                    "fatal")
                .deadLetter()
                .handlers()
                .get(0);
    assertThat(byClass).isEqualTo(new ErrorHandlerSettings.Log("org.example.Errors", "ERROR"));
    assertThat(
            refusal(
                    "es.write.rest.error.handlers",
                    "log",
                    P + "log.logger.name",
                    "x",
                    P + "log.logger.level",
                    "loud")
                .option())
        .isEqualTo(P + "log.logger.level");
  }

  @Test
  void unknownAndCustomHandlersAreRefusedNamingTheOption() {
    ConfigException unknown = refusal("es.write.rest.error.handlers", "log2");
    assertThat(unknown.option()).isEqualTo("es.write.rest.error.handlers");
    assertThat(unknown.getMessage()).contains("'log2'").contains("log, es and fail");

    ConfigException custom =
        refusal(
            "es.write.rest.error.handlers",
            "ignoreConflict",
            P + "ignoreConflict",
            "org.myproject.IgnoreConflictsHandler");
    assertThat(custom.option()).isEqualTo(P + "ignoreconflict");
    assertThat(custom.getMessage()).contains("handler class of your own");

    assertThat(refusal(P + "es.client.resourse", "x").option()).isEqualTo(P + "es.client.resourse");
    assertThat(refusal("es.write.rest.error.handlers", "log,log", P + "log.logger.name", "x"))
        .hasMessageContaining("twice");
  }

  @Test
  void theEsHandlerReadsItsIndexLabelsTagsAndResults() {
    ErrorHandlerSettings.Index es =
        (ErrorHandlerSettings.Index)
            config(
                    "es.nodes",
                    "http://job:9200",
                    "es.net.http.auth.user",
                    "loader",
                    "es.net.http.auth.pass",
                    "pw",
                    "es.write.rest.error.handlers",
                    "es",
                    P + "es.client.resource",
                    "load-errors",
                    P + "es.label.team",
                    "search",
                    P + "es.tags",
                    "nightly, retail",
                    P + "es.return.default",
                    "pass",
                    P + "es.return.error",
                    "HANDLED")
                .deadLetter()
                .handlers()
                .get(0);
    assertThat(es.index()).isEqualTo("load-errors");
    assertThat(es.labels()).containsExactly(Map.entry("team", "search"));
    assertThat(es.tags()).containsExactly("nightly", "retail");
    assertThat(es.onWritten()).isEqualTo(Result.PASS);
    assertThat(es.onError()).isEqualTo(Result.HANDLED);
    // Inherits the job's connection by default.
    assertThat(es.connection().nodes().toString()).isEqualTo("[http://job:9200]");
    assertThat(es.connection().user()).isEqualTo("loader");

    assertThat(refusal("es.write.rest.error.handlers", "es").option())
        .isEqualTo(P + "es.client.resource");
    assertThat(
            refusal("es.write.rest.error.handlers", "es", P + "es.client.resource", "Bad*")
                .option())
        .isEqualTo(P + "es.client.resource");
    assertThat(
            refusal(
                    "es.write.rest.error.handlers",
                    "es",
                    P + "es.client.resource",
                    "e",
                    P + "es.return.default",
                    "maybe")
                .option())
        .isEqualTo(P + "es.return.default");
  }

  @Test
  void theEsHandlersOwnClientOverridesOrReplacesTheJobsConnection() {
    ErrorHandlerSettings.Index es =
        (ErrorHandlerSettings.Index)
            config(
                    "es.nodes",
                    "http://job:9200",
                    "es.net.http.auth.user",
                    "loader",
                    "es.net.http.auth.pass",
                    "pw",
                    "es.write.rest.error.handlers",
                    "es",
                    P + "es.client.resource",
                    "errors",
                    P + "es.client.inherit",
                    "false",
                    P + "es.client.nodes",
                    "audit",
                    P + "es.client.port",
                    "9400",
                    P + "es.client.conf.es.net.http.auth.user",
                    "auditor",
                    P + "es.client.conf.es.net.http.auth.pass",
                    "secret-pw")
                .deadLetter()
                .handlers()
                .get(0);
    assertThat(es.connection().nodes().toString()).isEqualTo("[http://audit:9400]");
    assertThat(es.connection().user()).isEqualTo("auditor");

    SluiceConfig shown =
        config(
            "es.write.rest.error.handlers",
            "es",
            P + "es.client.resource",
            "errors",
            P + "es.client.conf.es.net.http.auth.user",
            "auditor",
            P + "es.client.conf.es.net.http.auth.pass",
            "secret-pw");
    assertThat(shown.toString()).doesNotContain("secret-pw");
    SluiceConfig userInfo =
        config(
            "es.write.rest.error.handlers",
            "es",
            P + "es.client.resource",
            "errors",
            P + "es.client.nodes",
            "https://audit:url-pw@audit-host:9243");
    assertThat(userInfo.toString()).doesNotContain("url-pw").contains("audit-host");
    assertThat(shown.toRedactedMap())
        .containsEntry(P + "es.client.conf.es.net.http.auth.pass", Secret.REDACTED)
        .containsEntry(P + "es.client.resource", "errors");
  }

  @Test
  void handlerSettingsWithoutTheChainChangeNothing() {
    assertThat(config(P + "log.logger.name", "x").deadLetter().handlers()).isEmpty();
    assertThat(List.of(config().deadLetter().maxRatio())).containsExactly(0.1);
  }
}
