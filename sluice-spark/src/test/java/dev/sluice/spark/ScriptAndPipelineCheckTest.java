package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.transport.HttpResult;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The driver's checks that the cluster can do what every document will ask of it. */
class ScriptAndPipelineCheckTest {
  private static final String CLUSTER = "http://es1:9200";
  private static final String LANGUAGES =
      "{\"types_allowed\":[\"inline\",\"stored\"],"
          + "\"language_contexts\":[{\"language\":\"expression\",\"contexts\":[\"score\"]}]}";

  private static HttpResult answer(int status, String body) {
    return HttpResult.response(status, body.getBytes(UTF_8));
  }

  private static SluiceConfig config(int port, String... options) {
    Map<String, String> given = new HashMap<>();
    given.put("es.nodes", "http://127.0.0.1:" + port);
    given.put("es.resource", "orders");
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return SluiceConfig.fromOptions(given);
  }

  @Test
  void aMissingPipelineStopsTheLoadBeforeAnyDocumentNamingIt() throws Exception {
    try (RecordingNode node =
        RecordingNode.start(path -> path.startsWith("/_ingest") ? 404 : 200)) {
      assertThatThrownBy(
              () -> TargetIndexCheck.run(config(node.port(), "es.ingest.pipeline", "enrich")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("Ingest pipeline 'enrich'")
          .hasMessageContaining("es.ingest.pipeline");
      assertThat(node.seen()).containsExactly("GET /_ingest/pipeline/enrich null");
    }
    try (RecordingNode node = RecordingNode.start(path -> 200)) {
      TargetIndexCheck.run(config(node.port(), "es.ingest.pipeline", "enrich"));
    }
  }

  @Test
  void aCheckTheUserMayNotMakeIsOnlyAWarning() {
    assertThatCode(() -> ScriptAndPipelineCheck.pipeline("p", answer(403, "{}"), CLUSTER))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ScriptAndPipelineCheck.pipeline(
                    "p", HttpResult.failure(new ConnectException("refused")), CLUSTER))
        .doesNotThrowAnyException();
    assertThatCode(() -> ScriptAndPipelineCheck.inlineScript(null, answer(403, "{}"), CLUSTER))
        .doesNotThrowAnyException();
  }

  @Test
  void anInlineScriptInALanguageTheClusterLacksIsRefused() {
    assertThatThrownBy(
            () -> ScriptAndPipelineCheck.inlineScript(null, answer(200, LANGUAGES), CLUSTER))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot run inline painless scripts")
        .hasMessageContaining("[expression]");
    ScriptAndPipelineCheck.inlineScript("expression", answer(200, LANGUAGES), CLUSTER);
    assertThatThrownBy(
            () ->
                ScriptAndPipelineCheck.inlineScript(
                    "expression",
                    answer(
                        200,
                        "{\"types_allowed\":[\"stored\"],\"language_contexts\":"
                            + "[{\"language\":\"expression\"}]}"),
                    CLUSTER))
        .hasMessageContaining("es.update.script.lang");
  }

  @Test
  void aMissingStoredScriptIsRefused() {
    assertThatThrownBy(() -> ScriptAndPipelineCheck.storedScript("add", answer(404, "{}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Stored script 'add'");
    assertThatThrownBy(
            () -> ScriptAndPipelineCheck.storedScript("add", answer(200, "{\"found\":false}")))
        .isInstanceOf(ConfigException.class);
    ScriptAndPipelineCheck.storedScript("add", answer(200, "{\"found\":true,\"script\":{}}"));
  }

  @Test
  void aPatternWithAutoCreateOffIsRefusedAndOnlyTheWrittenIndicesAreRefreshed() throws Exception {
    try (RecordingNode node = RecordingNode.start(path -> 200)) {
      assertThatThrownBy(
              () ->
                  TargetIndexCheck.run(
                      config(
                          node.port(),
                          "es.resource",
                          "logs-{svc}",
                          "es.index.auto.create",
                          "false")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("es.index.auto.create")
          .hasMessageContaining("logs-{svc}");
      IndexRefresh.run(
          config(node.port(), "es.resource", "logs-{svc}"), Set.of("logs-b", "logs-a"));
      assertThat(node.seen()).containsExactly("POST /logs-a,logs-b/_refresh null");
    }
  }
}
