package dev.sluice.core;

import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.id.HashEncoding;
import dev.sluice.core.id.IdStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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

  enum Ids {
    /** The SHA-256 of each body, as the content-hash strategy gives it. */
    CONTENT_HASH,
    /** The same digest in hex, as loads before the base64url default wrote it. */
    HEX_HASH,
    /** Ids a key field gave, as {@code sluice replay} sends a record's (or {@code --id-field}). */
    GIVEN,
    /** None: Elasticsearch generates them. */
    GENERATED
  }

  private LoadResult load(Map<String, String> options, Attempt attempt, boolean generated)
      throws Exception {
    return load(options, attempt, generated ? Ids.GENERATED : Ids.CONTENT_HASH);
  }

  /** Five documents, ids as {@code ids} says, the server answering items 1 and 2 updated. */
  private LoadResult load(Map<String, String> options, Attempt attempt, Ids ids) throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> json(200, bulkResponse(r, i -> i == 1 || i == 2 ? UPDATED : null)))) {
      options.putAll(options(server));
      BulkLoader loader = ComponentLoaders.open(options, attempt);
      for (int i = 0; i < 5; i++) {
        byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        String id =
            switch (ids) {
              case CONTENT_HASH -> IdStrategy.contentHash().idOf(List.of(), body);
              case HEX_HASH -> IdStrategy.contentHash(HashEncoding.HEX).idOf(List.of(), body);
              case GIVEN -> "key-" + i;
              case GENERATED -> null;
            };
        loader.add(Document.of(id, body, "row " + i));
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
  void idsThatAreNotTheirBodysHashFoundInTheIndexAreUpdatesWhateverTheStrategy() throws Exception {
    // sluice replay sends each record's own id (or one --id-field reads) under the default
    // strategy, the content hash: a document found at such an id was another one, overwritten.
    LoadResult result = load(new HashMap<>(), Attempt.FIRST, Ids.GIVEN);
    assertThat(result.counters().updated()).isEqualTo(2);
    assertThat(result.counters().merged()).isZero();
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void idsInAnotherEncodingOfTheHashAreStillMerged() throws Exception {
    // Dead letters of a load that wrote hex ids, replayed under today's default encoding.
    LoadResult result = load(new HashMap<>(), Attempt.FIRST, Ids.HEX_HASH);
    assertThat(result.counters().merged()).isEqualTo(2);
    assertThat(result.counters().updated()).isZero();
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
