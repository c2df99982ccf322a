package dev.sluice.core;

import static dev.sluice.core.ComponentLoaders.doc;
import static dev.sluice.core.ComponentLoaders.open;
import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.allCreated;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link LoadListener#onSettled}: once per document, dead letters only once they are readable. */
@Timeout(60)
class SettledListenerComponentTest {
  private static final int DOCS = 50;
  private static final List<Integer> THROTTLED = List.of(4, 30);
  private static final List<Integer> REJECTED = List.of(7, 31);

  @TempDir Path deadLetterDir;

  /** Records each settlement, and checks a dead-lettered one is already in the file. */
  private final class Recorder implements LoadListener {
    final Map<Long, Integer> calls = new ConcurrentHashMap<>();
    final Map<Long, Boolean> dead = new ConcurrentHashMap<>();
    final List<String> problems = new CopyOnWriteArrayList<>();

    @Override
    public void onSettled(long seq, boolean deadLettered) {
      calls.merge(seq, 1, Integer::sum);
      dead.put(seq, deadLettered);
      if (deadLettered && !deadLetterIds().contains(String.valueOf(seq))) {
        problems.add("row " + seq + " reported dead-lettered before its record was readable");
      }
    }

    private List<String> deadLetterIds() {
      Path file = deadLetterDir.resolve("w1.ndjson");
      if (!Files.exists(file)) {
        return List.of();
      }
      try {
        return new DeadLetterReader(new LocalFileStorage())
            .readAll(file.toString()).stream().map(DeadLetterRecord::id).toList();
      } catch (IOException e) {
        return List.of("unreadable: " + e);
      }
    }
  }

  private Map<String, String> options(ScriptedBulkServer server) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", server.address());
    options.put("es.resource", "test");
    options.put("es.batch.size.entries", "20");
    options.put("es.batch.write.retry.wait", "100ms");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    options.put("sluice.deadletter.max.ratio", "1.0");
    options.put("sluice.request.timeout", "10s");
    return options;
  }

  @Test
  void everyDocumentIsSettledOnceAndDeadLettersOnlyAfterTheyAreInTheFile() throws Exception {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                json(
                    200,
                    bulkResponse(
                        r,
                        i -> {
                          String id = r.ids().get(i);
                          int n = Integer.parseInt(id);
                          boolean first = seen.merge(id, 1, Integer::sum) == 1;
                          if (first && THROTTLED.contains(n)) {
                            return itemError(429, "es_rejected_execution_exception", "busy");
                          }
                          return REJECTED.contains(n)
                              ? itemError(400, "mapper_parsing_exception", "bad field [n]")
                              : null;
                        })))) {
      Recorder recorder = new Recorder();
      BulkLoader loader = open(options(server), recorder);
      for (int i = 0; i < DOCS; i++) {
        loader.add(doc(i));
      }
      loader.deadLetter(
          Document.of(String.valueOf(DOCS), null, "row " + DOCS), "row_conversion", "bad row");
      LoadResult result = loader.close();

      assertThat(result.counters().retriedItems()).isEqualTo(THROTTLED.size());
      assertThat(recorder.problems).isEmpty();
      assertThat(recorder.calls).hasSize(DOCS + 1);
      assertThat(recorder.calls.values()).containsOnly(1);
      for (long seq = 0; seq <= DOCS; seq++) {
        boolean expectDead = seq == DOCS || REJECTED.contains((int) seq);
        assertThat(recorder.dead.get(seq)).as("row %d dead-lettered", seq).isEqualTo(expectDead);
      }
    }
  }

  @Test
  void aFailingListenerFailsTheLoad() throws Exception {
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      BulkLoader loader =
          open(
              options(server),
              new LoadListener() {
                @Override
                public void onSettled(long seq, boolean deadLettered) {
                  throw new IllegalStateException("checkpoint broke");
                }
              });
      for (int i = 0; i < 5; i++) {
        loader.add(doc(i));
      }
      assertThatThrownBy(loader::close)
          .isInstanceOf(SluiceException.class)
          .hasMessageContaining("checkpoint broke");
    }
  }
}
