package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.config.ActionOptions;
import dev.sluice.core.config.UpdateScript;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bulk lines of pipelines, versions, scripts and retry_on_conflict, as es-hadoop sends them.
 */
class ActionLinesTest {
  private static final byte[] SOURCE = utf8("{\"n\":1}");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String lines(ActionOptions actions, Document d) {
    PendingDocument p = new DocumentEncoder("idx", OpType.INDEX, actions).encode(0, d);
    return SentBody.of(p);
  }

  private static Document doc(OpType op, Long version, String params) {
    return new Document(
        null,
        "1",
        null,
        op,
        op == OpType.DELETE ? null : SOURCE,
        "row 1",
        version,
        params == null ? null : utf8(params));
  }

  private static ActionOptions pipeline(String name) {
    return new ActionOptions(name, null, "external", null, null, 0);
  }

  private static ActionOptions script(UpdateScript script, int retryOnConflict) {
    return new ActionOptions(null, null, "external", null, script, retryOnConflict);
  }

  @Test
  void indexAndCreateActionsNameThePipelineOthersDoNot() {
    assertThat(lines(pipeline("enrich"), doc(OpType.INDEX, null, null)))
        .isEqualTo(
            "{\"index\":{\"_index\":\"idx\",\"_id\":\"1\",\"pipeline\":\"enrich\"}}\n{\"n\":1}\n");
    assertThat(lines(pipeline("enrich"), doc(OpType.CREATE, null, null)))
        .startsWith("{\"create\":{\"_index\":\"idx\",\"_id\":\"1\",\"pipeline\":\"enrich\"}}\n");
    assertThat(lines(pipeline("enrich"), doc(OpType.DELETE, null, null)))
        .isEqualTo("{\"delete\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n");
  }

  @Test
  void aVersionIsSentWithItsType() {
    ActionOptions external = new ActionOptions(null, "v", "external", null, null, 0);
    assertThat(lines(external, doc(OpType.INDEX, 42L, null)))
        .isEqualTo(
            "{\"index\":{\"_index\":\"idx\",\"_id\":\"1\",\"version\":42,"
                + "\"version_type\":\"external\"}}\n{\"n\":1}\n");
    ActionOptions gte = new ActionOptions("p", "v", "external_gte", null, null, 0);
    assertThat(lines(gte, new Document(null, "1", "r", OpType.DELETE, null, "row 1", -3L, null)))
        .isEqualTo(
            "{\"delete\":{\"_index\":\"idx\",\"_id\":\"1\",\"routing\":\"r\",\"version\":-3,"
                + "\"version_type\":\"external_gte\"}}\n");
    assertThat(lines(external, doc(OpType.INDEX, null, null)))
        .as("a document without a version")
        .isEqualTo("{\"index\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n{\"n\":1}\n");
  }

  @Test
  void updatesCarryRetryOnConflictAndPartialDocumentsWithoutAScript() {
    ActionOptions retry = script(null, 3);
    assertThat(lines(retry, doc(OpType.UPDATE, null, null)))
        .isEqualTo(
            "{\"update\":{\"_index\":\"idx\",\"_id\":\"1\",\"retry_on_conflict\":3}}\n"
                + "{\"doc\":{\"n\":1}}\n");
    assertThat(lines(retry, doc(OpType.UPSERT, null, null)))
        .isEqualTo(
            "{\"update\":{\"_index\":\"idx\",\"_id\":\"1\",\"retry_on_conflict\":3}}\n"
                + "{\"doc\":{\"n\":1},\"doc_as_upsert\":true}\n");
    assertThat(lines(retry, doc(OpType.INDEX, null, null)))
        .isEqualTo("{\"index\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n{\"n\":1}\n");
  }

  @Test
  void aScriptedUpdateSendsTheScriptWithEachDocumentsParams() {
    UpdateScript inline =
        new UpdateScript(false, "ctx._source.n += params.n; \"q\"", "painless", "n:n", null, false);
    assertThat(lines(script(inline, 0), doc(OpType.UPDATE, null, "{\"n\":5}")))
        .isEqualTo(
            "{\"update\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n"
                + "{\"script\":{\"source\":\"ctx._source.n += params.n; \\\"q\\\"\","
                + "\"lang\":\"painless\",\"params\":{\"n\":5}}}\n");
    assertThat(lines(script(inline, 0), doc(OpType.UPSERT, null, "{\"n\":5}")))
        .isEqualTo(
            "{\"update\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n"
                + "{\"script\":{\"source\":\"ctx._source.n += params.n; \\\"q\\\"\","
                + "\"lang\":\"painless\",\"params\":{\"n\":5}},\"upsert\":{\"n\":1}}\n");
  }

  @Test
  void aStoredScriptWithConstantParamsAndAScriptedUpsert() {
    UpdateScript stored = new UpdateScript(true, "add-n", null, null, "{\"n\":2}", true);
    assertThat(lines(script(stored, 2), doc(OpType.UPSERT, null, null)))
        .isEqualTo(
            "{\"update\":{\"_index\":\"idx\",\"_id\":\"1\",\"retry_on_conflict\":2}}\n"
                + "{\"script\":{\"id\":\"add-n\",\"params\":{\"n\":2}},"
                + "\"scripted_upsert\":true,\"upsert\":{}}\n");
    UpdateScript bare = new UpdateScript(true, "touch", null, null, null, false);
    assertThat(lines(script(bare, 0), doc(OpType.UPDATE, null, null)))
        .isEqualTo(
            "{\"update\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n{\"script\":{\"id\":\"touch\"}}\n");
  }

  @Test
  void aPatternIsNoIndexADocumentWithoutOneIsRefusedNamingItsPosition() {
    DocumentEncoder encoder =
        new DocumentEncoder("logs-{service}", OpType.INDEX, ActionOptions.NONE);
    assertThatThrownBy(() -> encoder.encode(0, doc(OpType.INDEX, null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("row 1");
    PendingDocument p =
        encoder.encode(0, new Document("logs-web", "1", null, null, SOURCE, "row 2"));
    assertThat(p.index).isEqualTo("logs-web");
  }
}
