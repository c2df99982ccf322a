package dev.sluice.core;

import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.allCreated;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.core.ScriptedBulkServer.Item;
import dev.sluice.core.report.Counter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines, external versions and scripted upserts through the whole engine, against the scripted
 * fake node (the test node has no ingest processors and no painless): the lines on the wire, and
 * what a version conflict on an external version counts as.
 */
@Timeout(60)
class ActionLinesComponentTest {
  @TempDir Path deadLetterDir;

  private Map<String, String> options(ScriptedBulkServer server, String... more) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", server.address());
    options.put("es.resource", "test");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    for (int i = 0; i < more.length; i += 2) {
      options.put(more[i], more[i + 1]);
    }
    return options;
  }

  private static Document doc(int i, Long version) {
    byte[] source = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    return new Document(null, "d" + i, null, null, source, "row " + i, version, null);
  }

  private static LoadResult load(Map<String, String> options, List<Document> docs)
      throws Exception {
    BulkLoader loader = ComponentLoaders.open(options, LoadListener.NONE);
    for (Document d : docs) {
      loader.add(d);
    }
    return loader.close();
  }

  @Test
  void everyActionNamesThePipeline() throws Exception {
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      LoadResult result =
          load(
              options(server, "es.ingest.pipeline", "enrich"), List.of(doc(1, null), doc(2, null)));

      assertThat(server.allItems())
          .extracting(Item::action)
          .containsExactly(
              "{\"index\":{\"_index\":\"test\",\"_id\":\"d1\",\"pipeline\":\"enrich\"}}",
              "{\"index\":{\"_index\":\"test\",\"_id\":\"d2\",\"pipeline\":\"enrich\"}}");
      assertThat(result.counters().indexed()).isEqualTo(2);
    }
  }

  @Test
  void aVersionConflictOnAnExternalVersionIsSupersededAndTheLoadReconciles() throws Exception {
    String conflict =
        itemError(409, "version_conflict_engine_exception", "current version [9] is higher");
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(r -> json(200, bulkResponse(r, i -> i == 1 ? conflict : null)))) {
      LoadResult result =
          load(options(server, "es.mapping.version", "v"), List.of(doc(1, 5L), doc(2, 3L)));

      assertThat(server.allItems())
          .extracting(Item::action)
          .containsExactly(
              "{\"index\":{\"_index\":\"test\",\"_id\":\"d1\",\"version\":5,"
                  + "\"version_type\":\"external\"}}",
              "{\"index\":{\"_index\":\"test\",\"_id\":\"d2\",\"version\":3,"
                  + "\"version_type\":\"external\"}}");
      assertThat(server.requests()).hasSize(1);
      assertThat(result.counters().indexed()).isEqualTo(2);
      assertThat(result.counters().get(Counter.SUPERSEDED)).isEqualTo(1);
      assertThat(result.counters().deadLettered()).isZero();
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void aScriptedUpsertSendsTheScriptAndTheDocumentAsUpsert() throws Exception {
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      load(
          options(
              server,
              "es.write.operation",
              "upsert",
              "es.mapping.id",
              "id",
              "es.update.script.inline",
              "ctx._source.n += params.k",
              "es.update.script.lang",
              "painless",
              "es.update.script.params.json",
              "{\"k\":1}",
              "es.update.retry.on.conflict",
              "2"),
          List.of(doc(1, null)));

      Item item = server.allItems().get(0);
      assertThat(item.action())
          .isEqualTo("{\"update\":{\"_index\":\"test\",\"_id\":\"d1\",\"retry_on_conflict\":2}}");
      assertThat(item.source())
          .isEqualTo(
              "{\"script\":{\"source\":\"ctx._source.n += params.k\",\"lang\":\"painless\","
                  + "\"params\":{\"k\":1}},\"upsert\":{\"n\":1}}");
    }
  }

  /**
   * es.mapping.join as the Spark writer gives it: the join field in the source as it is, and a
   * child routed to its parent (no parent-join module on the test node: the lines are checked).
   */
  @Test
  void aJoinChildCarriesItsJoinFieldAndIsRoutedToItsParent() throws Exception {
    byte[] child =
        "{\"text\":\"yes\",\"rel\":{\"name\":\"answer\",\"parent\":\"q1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] parent = "{\"rel\":\"question\"}".getBytes(StandardCharsets.UTF_8);
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      load(
          options(server, "es.mapping.join", "rel"),
          List.of(
              new Document(null, "q1", null, null, parent, "row 1"),
              new Document(null, "a1", "q1", null, child, "row 2")));

      assertThat(server.allItems())
          .extracting(Item::action, Item::source)
          .containsExactly(
              tuple("{\"index\":{\"_index\":\"test\",\"_id\":\"q1\"}}", "{\"rel\":\"question\"}"),
              tuple(
                  "{\"index\":{\"_index\":\"test\",\"_id\":\"a1\",\"routing\":\"q1\"}}",
                  "{\"text\":\"yes\",\"rel\":{\"name\":\"answer\",\"parent\":\"q1\"}}"));
    }
  }
}
