package dev.sluice.core;

import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead letter keeps what its action carried beyond index, id and source (routing, version and its
 * type, a script's params, the ingest pipeline), so that a replay can send the same action again.
 */
@Timeout(60)
class DeadLetterActionComponentTest {
  @TempDir Path deadLetterDir;
  private int loads;

  private List<DeadLetterRecord> rejectAll(Map<String, String> extra, Document... documents)
      throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                json(
                    200, bulkResponse(r, i -> itemError(400, "mapper_parsing_exception", "no"))))) {
      Map<String, String> options = new HashMap<>(extra);
      options.put("es.nodes", server.address());
      options.put("es.resource", "test");
      // a directory per load, so that each reads back only its own dead letters
      options.put("sluice.deadletter.path", deadLetterDir.resolve("load" + loads++).toString());
      BulkLoader loader = ComponentLoaders.open(options, LoadListener.NONE);
      for (Document d : documents) {
        loader.add(d);
      }
      LoadResult result = loader.close();
      return new DeadLetterReader(new LocalFileStorage()).readAll(result.deadLetterLocation());
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void routingVersionAndVersionTypeAreKept() throws Exception {
    List<DeadLetterRecord> dead =
        rejectAll(
            Map.of("es.mapping.version.type", "external_gte"),
            new Document("logs-b", "1", "s1", null, utf8("{\"n\":1}"), "row 1", 7L, null),
            new Document(null, "2", null, null, utf8("{\"n\":2}"), "row 2"));
    assertThat(dead).hasSize(2);
    DeadLetterRecord routed = dead.get(0);
    assertThat(routed.index()).isEqualTo("logs-b");
    assertThat(routed.op()).isEqualTo("index");
    assertThat(routed.routing()).isEqualTo("s1");
    assertThat(routed.version()).isEqualTo(7L);
    assertThat(routed.versionType()).isEqualTo("external_gte");
    assertThat(routed.scriptParams()).isNull();
    DeadLetterRecord plain = dead.get(1);
    assertThat(plain.routing()).isNull();
    assertThat(plain.version()).isNull();
    assertThat(plain.versionType()).isNull();
  }

  @Test
  void aScriptedUpdateKeepsItsOwnParamsOrTheConstantOnes() throws Exception {
    List<DeadLetterRecord> dead =
        rejectAll(
            Map.of(
                "es.write.operation", "update",
                "es.mapping.id", "id",
                "es.update.script.inline", "ctx._source.n += params.k",
                "es.update.script.params.json", "{\"k\":1}"),
            new Document(
                null, "1", null, null, utf8("{\"n\":1}"), "row 1", null, utf8("{\"k\":5}")),
            new Document(null, "2", null, null, utf8("{\"n\":2}"), "row 2"));
    assertThat(dead).extracting(DeadLetterRecord::op).containsExactly("update", "update");
    assertThat(new String(dead.get(0).scriptParams(), StandardCharsets.UTF_8))
        .isEqualTo("{\"k\":5}");
    assertThat(new String(dead.get(1).scriptParams(), StandardCharsets.UTF_8))
        .isEqualTo("{\"k\":1}");
  }

  @Test
  void anUpdateWithoutScriptKeepsNoParams() throws Exception {
    List<DeadLetterRecord> dead =
        rejectAll(
            Map.of("es.write.operation", "update", "es.mapping.id", "id"),
            new Document(null, "1", null, null, utf8("{\"n\":1}"), "row 1"));
    assertThat(dead.get(0).op()).isEqualTo("update");
    assertThat(dead.get(0).scriptParams()).isNull();
  }

  @Test
  void anIndexOrCreateActionKeepsItsPipeline() throws Exception {
    for (String op : List.of("index", "create")) {
      List<DeadLetterRecord> dead =
          rejectAll(
              Map.of("es.write.operation", op, "es.ingest.pipeline", "enrich"),
              new Document(null, "1", null, null, utf8("{\"n\":1}"), "row 1"));
      assertThat(dead).extracting(DeadLetterRecord::pipeline).as(op).containsExactly("enrich");
    }
    assertThat(rejectAll(Map.of(), new Document(null, "1", null, null, utf8("{\"n\":1}"), "row 1")))
        .extracting(DeadLetterRecord::pipeline)
        .containsOnlyNulls();
  }
}
