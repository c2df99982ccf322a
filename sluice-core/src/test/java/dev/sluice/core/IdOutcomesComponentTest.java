package dev.sluice.core;

import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.bulk.EngineContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine counts for each kind of id, through the real REST client against a scripted
 * {@code _bulk}: content-hash ids that find their document are merged (not on a replay, where this
 * load may have written it), and generated ids sent again on a replay are possible duplicates.
 */
@Timeout(60)
class IdOutcomesComponentTest {
  private static final String UPDATED = "\"_version\":2,\"result\":\"updated\",\"status\":200";

  @TempDir Path deadLetterDir;

  private Map<String, String> options(ScriptedBulkServer server) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", server.address());
    options.put("es.resource", "test");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    return options;
  }

  /** Five documents, ids as given (null: generated), the server answering items 1 and 2 updated. */
  private LoadResult load(Map<String, String> options, Attempt attempt, boolean generated)
      throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> json(200, bulkResponse(r, i -> i == 1 || i == 2 ? UPDATED : null)))) {
      options.putAll(options(server));
      BulkLoader loader =
          BulkLoader.open(
              SluiceConfig.fromOptions(options),
              "w",
              LoadListener.NONE,
              EngineContext.defaults(),
              attempt);
      for (int i = 0; i < 5; i++) {
        byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        loader.add(Document.of(generated ? null : "h" + i, body, "row " + i));
      }
      return loader.close();
    }
  }

  @Test
  void contentHashIdsFoundInTheIndexAreMergedAndReconcile() throws Exception {
    LoadResult result = load(new HashMap<>(), Attempt.FIRST, false);
    assertThat(result.counters().indexed()).isEqualTo(3);
    assertThat(result.counters().merged()).isEqualTo(2);
    assertThat(result.counters().updated()).isZero();
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void onAReplayTheyAreUpdatesThisLoadMayHaveWrittenItself() throws Exception {
    LoadResult result = load(new HashMap<>(), Attempt.REPLAY, false);
    assertThat(result.counters().indexed()).isEqualTo(5);
    assertThat(result.counters().updated()).isEqualTo(2);
    assertThat(result.counters().merged()).isZero();
  }

  @Test
  void aKeyColumnsIdsFoundInTheIndexAreUpdates() throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put("es.mapping.id", "n");
    LoadResult result = load(options, Attempt.FIRST, false);
    assertThat(result.counters().updated()).isEqualTo(2);
    assertThat(result.counters().merged()).isZero();
  }

  @Test
  void generatedIdsSentAgainOnAReplayArePossibleDuplicates() throws Exception {
    Map<String, String> auto = new HashMap<>();
    auto.put("sluice.id.strategy", "auto");
    assertThat(load(new HashMap<>(auto), Attempt.REPLAY, true).counters().possibleDuplicates())
        .isEqualTo(5);
    assertThat(load(new HashMap<>(auto), Attempt.FIRST, true).counters().possibleDuplicates())
        .isZero();
  }
}
