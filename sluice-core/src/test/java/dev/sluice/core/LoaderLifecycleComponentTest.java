package dev.sluice.core;

import static dev.sluice.core.ComponentLoaders.doc;
import static dev.sluice.core.ComponentLoaders.open;
import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.allCreated;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.core.bulk.EngineContext;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.core.transport.BulkTransport;
import dev.sluice.core.transport.HttpResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cut responses, abort with requests in flight, live progress: against a scripted {@code _bulk}.
 */
@Timeout(60)
class LoaderLifecycleComponentTest {
  /** How long the script holds "in flight" requests: far longer than any test waits. */
  private static final long HELD_MILLIS = 60_000;

  @TempDir Path deadLetterDir;

  private Map<String, String> options(ScriptedBulkServer server) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", server.address());
    options.put("es.resource", "test");
    options.put("es.batch.write.retry.wait", "10ms");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    options.put("sluice.request.timeout", "30s");
    options.put("sluice.flow.adaptive", "false");
    return options;
  }

  @Test
  @Timeout(30) // below the request timeout: a client left waiting for the rest of the body fails
  void aResponseCutInTheMiddleOfItsBodyIsRetried() throws Exception {
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)));
        HalfBodyRelay relay = HalfBodyRelay.start(server.address())) {
      Map<String, String> options = options(server);
      options.put("es.nodes", relay.address());
      options.put("sluice.request.timeout", "45s");
      BulkLoader loader = open(options, LoadListener.NONE);
      for (int i = 0; i < 20; i++) {
        loader.add(doc(i));
      }
      LoadResult result = loader.close();

      assertThat(server.requests()).hasSize(2);
      assertThat(server.requests().get(1).ids()).isEqualTo(server.requests().get(0).ids());
      LoadCounters c = result.counters();
      assertThat(c.indexed()).isEqualTo(20);
      assertThat(c.retriedRequests()).isEqualTo(1);
      assertThat(c.retriedItems()).isEqualTo(20);
      assertThat(c.deadLettered()).isZero();
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void abortReturnsPromptlyWithRequestsInFlightAndKeepsTheDeadLetters() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.ids().contains("0")
                    ? json(
                        200,
                        bulkResponse(
                            r,
                            i ->
                                r.ids().get(i).equals("0")
                                    ? itemError(400, "mapper_parsing_exception", "not a number")
                                    : null))
                    : json(200, allCreated(r)).delayed(HELD_MILLIS))) {
      Map<String, String> options = options(server);
      options.put("es.batch.size.entries", "10");
      options.put("sluice.bulk.concurrency", "2");
      BulkLoader loader = open(options, LoadListener.NONE);
      for (int i = 0; i < 40; i++) {
        loader.add(doc(i));
      }
      awaitUntil(
          () -> server.requests().size() == 3 && loader.counters().deadLettered() == 1,
          "first batch answered, two more held in flight");

      // Well under both the held responses and abort's own 10 s wait for the writer to stop.
      assertTimeoutPreemptively(Duration.ofSeconds(8), loader::abort);

      assertThatThrownBy(loader::close)
          .isInstanceOf(SluiceException.class)
          .hasMessageContaining("aborted");
      LoadCounters c = loader.counters();
      assertThat(c.read()).isEqualTo(40);
      assertThat(c.indexed()).isEqualTo(9);
      assertThat(c.deadLettered()).isEqualTo(1);
      assertThat(server.requests()).hasSize(3);
      List<DeadLetterRecord> dead =
          new DeadLetterReader(new LocalFileStorage())
              .readAll(deadLetterDir.resolve("w1.ndjson").toString());
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).id()).isEqualTo("0");
      assertThat(dead.get(0).errorType()).isEqualTo("mapper_parsing_exception");
    }
  }

  @Test
  void anErrorInTheWriterThreadFailsCloseAndAddInsteadOfReturningAResult() throws Exception {
    // A library clash shows up as an Error on the writer's thread, here when sending.
    BulkTransport clashing =
        new BulkTransport() {
          @Override
          public Runnable send(
              List<byte[]> chunks, long contentLength, Consumer<HttpResult> callback) {
            throw new NoSuchMethodError("org.apache.http.HttpEntity.isChunked()");
          }

          @Override
          public String describe() {
            return "clashing";
          }

          @Override
          public void close() {}
        };
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", "http://127.0.0.1:9");
    options.put("es.resource", "test");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    EngineContext context =
        new EngineContext(Clock.systemUTC(), () -> 0.0, new LocalFileStorage(), clashing);
    BulkLoader loader =
        BulkLoader.open(SluiceConfig.fromOptions(options), "w1", LoadListener.NONE, context);
    for (int i = 0; i < 10; i++) {
      loader.add(doc(i));
    }

    assertThatThrownBy(loader::close)
        .isInstanceOf(SluiceException.class)
        .hasRootCauseInstanceOf(NoSuchMethodError.class)
        .hasMessageContaining("w1");
    assertThatThrownBy(loader::close).isInstanceOf(SluiceException.class); // idempotent
    assertThatThrownBy(() -> loader.add(doc(10))).isInstanceOf(SluiceException.class);
    assertThat(loader.counters().reconciles()).isFalse();
  }

  @Test
  void aListenerSeesLiveSnapshotsWhileTheLoadRuns() throws Exception {
    List<LoadCounters> snapshots = new CopyOnWriteArrayList<>();
    LoadListener listener =
        new LoadListener() {
          @Override
          public void onProgress(LoadCounters snapshot) {
            snapshots.add(snapshot);
          }
        };
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(r -> json(200, allCreated(r)).delayed(100))) {
      Map<String, String> options = options(server);
      // A memory cap of about four documents makes add() wait for the slow server, so the load
      // lasts several progress periods (1 s) and "read" grows while it runs.
      options.put("es.batch.size.bytes", "2kb");
      options.put("sluice.memory.max.bytes", "4kb");
      options.put("sluice.bulk.concurrency", "1");
      byte[] source = ("{\"pad\":\"" + "x".repeat(900) + "\"}").getBytes(StandardCharsets.UTF_8);
      int docs = 60;
      BulkLoader loader = open(options, listener);
      for (int i = 0; i < docs; i++) {
        loader.add(Document.of(String.valueOf(i), source, "row " + i));
      }
      LoadResult result = loader.close();

      assertThat(result.counters().indexed()).isEqualTo(docs);
      assertThat(snapshots).hasSizeGreaterThanOrEqualTo(3);
      List<Long> reads = snapshots.stream().map(LoadCounters::read).toList();
      assertThat(reads).isSorted();
      assertThat(reads).anySatisfy(read -> assertThat(read).isStrictlyBetween(0L, (long) docs));
      assertThat(reads.stream().distinct().count()).isGreaterThanOrEqualTo(2);
      assertThat(snapshots.stream().map(LoadCounters::indexed).toList()).isSorted();
      LoadCounters last = snapshots.get(snapshots.size() - 1);
      assertThat(last.read()).isEqualTo(docs);
      assertThat(last.indexed()).isEqualTo(docs);
    }
  }

  /** Polls {@code condition} every 10 ms for at most 10 s. */
  private static void awaitUntil(BooleanSupplier condition, String what)
      throws InterruptedException {
    for (int i = 0; i < 1_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }
}
