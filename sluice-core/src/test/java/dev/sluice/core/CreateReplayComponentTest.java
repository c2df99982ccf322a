package dev.sluice.core;

import static dev.sluice.core.ComponentLoaders.doc;
import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.ScriptedBulkServer.Reply;
import dev.sluice.core.bulk.EngineContext;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code op_type=create}: a version conflict (409) on a document this load may have delivered
 * itself counts as already delivered; on any other document it is a rejected document.
 */
@Timeout(60)
class CreateReplayComponentTest {
  private static final String CONFLICT =
      itemError(409, "version_conflict_engine_exception", "[3]: version conflict, document exists");

  @TempDir Path deadLetterDir;

  private Map<String, String> options(ScriptedBulkServer server) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", server.address());
    options.put("es.resource", "test");
    options.put("es.write.operation", "create");
    // Ids from a key field: a conflict on a first attempt is another document's id. (With
    // content-hash ids it would be an identical document: merged, see CreateConflictDecisionTest.)
    options.put("es.mapping.id", "id");
    options.put("es.batch.size.entries", "1000");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    options.put("sluice.request.timeout", "10s");
    return options;
  }

  private static LoadResult load(Map<String, String> options, boolean replay, int docs)
      throws Exception {
    EngineContext context = EngineContext.defaults().withRandom(() -> 0.0); // retries at once
    BulkLoader loader =
        BulkLoader.open(
            SluiceConfig.fromOptions(options),
            "w1",
            LoadListener.NONE,
            context,
            replay ? Attempt.REPLAY : Attempt.FIRST);
    for (int i = 0; i < docs; i++) {
      loader.add(doc(i));
    }
    return loader.close();
  }

  /** Items 3 and 7 conflict: the ids exist. */
  private static String conflictsAt3And7(ScriptedBulkServer.Received r) {
    return bulkResponse(r, i -> i == 3 || i == 7 ? CONFLICT : null);
  }

  @Test
  void aConflictOnAFirstAttemptIsARejectedDocument() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(r -> json(200, conflictsAt3And7(r)))) {
      LoadResult result = load(options(server), false, 10);

      assertThat(server.requests()).hasSize(1);
      assertThat(server.requests().get(0).items())
          .allSatisfy(i -> assertThat(i.op()).isEqualTo("create"));
      assertThat(result.counters().alreadyDelivered()).isZero();
      assertThat(result.counters().indexed()).isEqualTo(8);
      assertThat(result.counters().deadLettered()).isEqualTo(2);
      assertThat(deadLetterIds(result)).containsExactlyInAnyOrder("3", "7");
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void aConflictOnAReplayedLoadCountsAsAlreadyDelivered() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(r -> json(200, conflictsAt3And7(r)))) {
      LoadResult result = load(options(server), true, 10);

      assertThat(server.requests()).hasSize(1); // not retried either
      assertThat(result.counters().alreadyDelivered()).isEqualTo(2);
      assertThat(result.counters().created()).isEqualTo(8);
      assertThat(result.counters().indexed()).isEqualTo(10);
      assertThat(result.counters().deadLettered()).isZero();
      assertThat(result.deadLetterLocation()).isNull();
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void aConflictAfterAnAmbiguousFailureCountsAsAlreadyDelivered() throws Exception {
    // The first request is cut after the server read it: Elasticsearch may have applied it, and
    // here it did for every document but 3 and 7, which the resend then creates.
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() == 1
                    ? Reply.connectionCut()
                    : json(200, bulkResponse(r, i -> i == 3 || i == 7 ? null : CONFLICT)))) {
      LoadResult result = load(options(server), false, 10);

      assertThat(server.requests()).hasSize(2);
      assertThat(result.counters().alreadyDelivered()).isEqualTo(8);
      assertThat(result.counters().created()).isEqualTo(2);
      assertThat(result.counters().deadLettered()).isZero();
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void aConflictAfterAThrottledItemIsStillARejectedDocument() throws Exception {
    // A 429 item was not applied, so its resend conflicting means someone else wrote the id.
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() == 1
                    ? json(
                        200,
                        bulkResponse(
                            r,
                            i ->
                                i == 3
                                    ? itemError(429, "es_rejected_execution_exception", "full")
                                    : null))
                    : json(200, bulkResponse(r, i -> CONFLICT)))) {
      LoadResult result = load(options(server), false, 10);

      assertThat(server.requests()).hasSize(2);
      assertThat(server.requests().get(1).ids()).containsExactly("3");
      assertThat(result.counters().alreadyDelivered()).isZero();
      assertThat(result.counters().deadLettered()).isEqualTo(1);
      assertThat(deadLetterIds(result)).containsExactly("3");
    }
  }

  @Test
  void aConflictOnAGivenIdUnderTheContentHashStrategyIsARejectedDocument() throws Exception {
    // sluice replay sends each record's own id under the default strategy, the content hash: a
    // create refused because another document holds that id must stay a dead letter, not be
    // taken for an identical row already there (which would drop it from the dead letters).
    Map<String, String> options = new HashMap<>();
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(r -> json(200, conflictsAt3And7(r)))) {
      options.putAll(options(server));
      options.remove("es.mapping.id");
      LoadResult result = load(options, false, 10);

      assertThat(result.counters().merged()).isZero();
      assertThat(result.counters().deadLettered()).isEqualTo(2);
      assertThat(deadLetterIds(result)).containsExactlyInAnyOrder("3", "7");
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void otherFailuresOfAReplayAreNotForgiven() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                json(
                    200,
                    bulkResponse(
                        r,
                        i ->
                            i == 4
                                ? itemError(400, "document_parsing_exception", "not a number")
                                : null)))) {
      LoadResult result = load(options(server), true, 10);

      assertThat(result.counters().alreadyDelivered()).isZero();
      assertThat(result.counters().deadLettered()).isEqualTo(1);
      assertThat(deadLetterIds(result)).containsExactly("4");
    }
  }

  private static List<String> deadLetterIds(LoadResult result) throws Exception {
    List<DeadLetterRecord> records =
        new DeadLetterReader(new LocalFileStorage()).readAll(result.deadLetterLocation());
    return records.stream().map(DeadLetterRecord::id).toList();
  }
}
