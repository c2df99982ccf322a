package dev.sluice.core;

import static dev.sluice.core.ComponentLoaders.doc;
import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.allCreated;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static dev.sluice.core.ScriptedBulkServer.requestError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.ScriptedBulkServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two fake nodes; the first applies what it reads and then fails (a 502 from a gateway, or a cut
 * connection). The resend to the second node is the engine's own retry, which knows the first
 * attempt may have been applied: the HTTP client never fails over behind its back.
 */
@Timeout(60)
class NodeFailoverComponentTest {
  private static final String CONFLICT =
      itemError(409, "version_conflict_engine_exception", "version conflict, document exists");

  @TempDir Path deadLetterDir;

  private Map<String, String> options(ScriptedBulkServer first, ScriptedBulkServer second) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", first.address() + "," + second.address());
    options.put("es.resource", "test");
    options.put("es.batch.size.entries", "1000");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    options.put("sluice.request.timeout", "10s");
    return options;
  }

  @Test
  void aCreateResentToAnotherNodeAfterA502CountsItsConflictsAsAlreadyDelivered() throws Exception {
    AtomicReference<ScriptedBulkServer> gateway = new AtomicReference<>();
    try (ScriptedBulkServer first =
            ScriptedBulkServer.start(
                r -> json(502, requestError(502, "bad_gateway", "upstream went away")));
        ScriptedBulkServer second =
            ScriptedBulkServer.start(
                r -> json(200, bulkResponse(r, i -> appliedBy(gateway.get(), r, i))))) {
      gateway.set(first);
      Map<String, String> options = options(first, second);
      options.put("es.write.operation", "create");
      BulkLoader loader = ComponentLoaders.open(options, LoadListener.NONE);
      for (int i = 0; i < 10; i++) {
        loader.add(doc(i));
      }
      LoadResult result = loader.close();

      assertThat(first.requests()).hasSize(1);
      assertThat(second.requests()).hasSize(1);
      assertThat(result.counters().deadLettered()).isZero();
      assertThat(result.counters().alreadyDelivered()).isEqualTo(10);
      assertThat(result.counters().indexed()).isEqualTo(10);
      assertThat(result.counters().retriedRequests()).isEqualTo(1);
      assertThat(result.deadLetterLocation()).isNull();
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void generatedIdsResentToAnotherNodeAfterACutAreCountedAsPossibleDuplicates() throws Exception {
    try (ScriptedBulkServer first = ScriptedBulkServer.start(r -> Reply.connectionCut());
        ScriptedBulkServer second = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      BulkLoader loader = ComponentLoaders.open(options(first, second), LoadListener.NONE);
      for (int i = 0; i < 5; i++) {
        loader.add(Document.of(null, "{}".getBytes(StandardCharsets.UTF_8), "row " + i));
      }
      LoadResult result = loader.close();

      assertThat(first.requests()).hasSize(1);
      assertThat(second.requests()).hasSize(1);
      assertThat(result.counters().indexed()).isEqualTo(5);
      assertThat(result.counters().possibleDuplicates()).isEqualTo(5);
      assertThat(result.counters().retriedRequests()).isEqualTo(1);
    }
  }

  /** A conflict for an id the gateway node already read (and so applied), else success. */
  private static String appliedBy(
      ScriptedBulkServer gateway, ScriptedBulkServer.Received request, int item) {
    Set<String> applied =
        gateway.allItems().stream()
            .map(ScriptedBulkServer.Item::id)
            .collect(Collectors.toUnmodifiableSet());
    return applied.contains(request.items().get(item).id()) ? CONFLICT : null;
  }
}
