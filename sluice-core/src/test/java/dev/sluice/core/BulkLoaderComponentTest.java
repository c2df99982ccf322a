package dev.sluice.core;

import static dev.sluice.core.ComponentLoaders.doc;
import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.allCreated;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static dev.sluice.core.ScriptedBulkServer.requestError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ScriptedBulkServer.Reply;
import dev.sluice.core.bulk.EngineContext;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole engine, through the real REST client, against a scripted fake {@code _bulk}. */
@Timeout(60)
class BulkLoaderComponentTest {
  @TempDir Path deadLetterDir;

  private Map<String, String> options(ScriptedBulkServer server) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", server.address());
    options.put("es.resource", "test");
    options.put("es.batch.size.entries", "1000");
    options.put("es.batch.write.retry.wait", "100ms");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    options.put("sluice.request.timeout", "10s");
    return options;
  }

  /** Loads documents 0..docs-1 and closes. */
  private static LoadResult load(Map<String, String> options, int docs) throws Exception {
    BulkLoader loader = open(options);
    for (int i = 0; i < docs; i++) {
      loader.add(doc(i));
    }
    return loader.close();
  }

  private static BulkLoader open(Map<String, String> options) {
    return ComponentLoaders.open(options, LoadListener.NONE);
  }

  @Test
  void wholeRequestThrottledTwiceThenAccepted() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() <= 2
                    ? json(429, requestError(429, "es_rejected_execution_exception", "queue full"))
                    : json(200, allCreated(r)))) {
      LoadResult result = load(options(server), 10);

      assertThat(server.requests()).hasSize(3);
      assertThat(server.requests()).allSatisfy(r -> assertThat(r.items()).hasSize(10));
      assertThat(result.counters().indexed()).isEqualTo(10);
      assertThat(result.counters().retriedRequests()).isEqualTo(2);
      assertThat(result.counters().throttled()).isEqualTo(2);
      assertThat(result.counters().deadLettered()).isZero();
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void unavailableThenAccepted() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() == 1
                    ? json(503, requestError(503, "unavailable_shards_exception", "no primary"))
                    : json(200, allCreated(r)))) {
      LoadResult result = load(options(server), 10);

      assertThat(server.requests()).hasSize(2);
      assertThat(result.counters().indexed()).isEqualTo(10);
      assertThat(result.counters().retriedRequests()).isEqualTo(1);
      assertThat(result.counters().possibleDuplicates()).isZero();
    }
  }

  @Test
  @Timeout(20)
  void aZeroRetryWaitRetriesWithoutWaiting() throws Exception {
    // The clock stands still: a retry scheduled any time later would never become due, and the
    // draw is the largest there is, so any non-zero ceiling would give a non-zero delay.
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() <= 2
                    ? json(503, requestError(503, "unavailable_shards_exception", "no primary"))
                    : json(200, allCreated(r)))) {
      Map<String, String> options = options(server);
      options.put("es.batch.write.retry.wait", "0");
      EngineContext context =
          EngineContext.defaults()
              .withClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
              .withRandom(() -> Math.nextDown(1.0));
      BulkLoader loader =
          BulkLoader.open(SluiceConfig.fromOptions(options), "w1", LoadListener.NONE, context);
      for (int i = 0; i < 10; i++) {
        loader.add(doc(i));
      }
      LoadResult result = loader.close();

      assertThat(server.requests()).hasSize(3);
      assertThat(result.counters().indexed()).isEqualTo(10);
      assertThat(result.counters().retriedRequests()).isEqualTo(2);
    }
  }

  @Test
  void connectionCutBeforeTheResponseIsRetried() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> r.number() == 1 ? Reply.connectionCut() : json(200, allCreated(r)))) {
      LoadResult result = load(options(server), 10);

      assertThat(server.requests()).hasSize(2);
      assertThat(server.requests().get(1).ids()).isEqualTo(server.requests().get(0).ids());
      assertThat(result.counters().indexed()).isEqualTo(10);
      assertThat(result.counters().retriedRequests()).isEqualTo(1);
    }
  }

  @Test
  void generatedIdsResentAfterACutAreCountedAsPossibleDuplicates() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> r.number() == 1 ? Reply.connectionCut() : json(200, allCreated(r)))) {
      BulkLoader loader = open(options(server));
      for (int i = 0; i < 5; i++) {
        loader.add(Document.of(null, "{}".getBytes(StandardCharsets.UTF_8), "row " + i));
      }
      LoadResult result = loader.close();

      assertThat(result.counters().possibleDuplicates()).isEqualTo(5);
      assertThat(result.counters().indexed()).isEqualTo(5);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"result\":\"created\"", "\"result\":\"stored\",\"status\":200"})
  void anItemWithoutAStatusOrAKnownResultMakesTheResponseMalformed(String item) throws Exception {
    // Nothing of that response is counted: the whole request is sent again, as possibly applied.
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() == 1
                    ? json(200, bulkResponse(r, i -> i == 2 ? item : null))
                    : json(200, allCreated(r)))) {
      BulkLoader loader = open(options(server));
      for (int i = 0; i < 5; i++) {
        loader.add(Document.of(null, "{}".getBytes(StandardCharsets.UTF_8), "row " + i));
      }
      LoadResult result = loader.close();

      assertThat(server.requests()).hasSize(2);
      assertThat(result.counters().created()).isEqualTo(5);
      assertThat(result.counters().indexed()).isEqualTo(5);
      assertThat(result.counters().retriedRequests()).isEqualTo(1);
      assertThat(result.counters().possibleDuplicates()).isEqualTo(5);
      assertThat(result.reconciles()).isTrue();
    }
  }

  @Test
  void onlyTheFailedItemsAreResentAndTheRejectedOneIsDeadLettered() throws Exception {
    List<Integer> throttled = List.of(3, 17, 512);
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() == 1
                    ? json(
                        200,
                        bulkResponse(
                            r,
                            i ->
                                throttled.contains(i)
                                    ? itemError(429, "es_rejected_execution_exception", "busy")
                                    : i == 40
                                        ? itemError(
                                            400,
                                            "mapper_parsing_exception",
                                            "failed to parse field [n]")
                                        : null))
                    : json(200, allCreated(r)))) {
      LoadResult result = load(options(server), 1000);

      assertThat(server.requests()).hasSize(2);
      assertThat(server.requests().get(0).items()).hasSize(1000);
      assertThat(server.requests().get(1).ids()).containsExactly("3", "17", "512");
      assertThat(server.requests().get(1).items().get(0).source()).isEqualTo("{\"n\":3}");
      LoadCounters c = result.counters();
      assertThat(c.indexed()).isEqualTo(999);
      assertThat(c.deadLettered()).isEqualTo(1);
      assertThat(c.deadLetteredByReason())
          .containsExactly(Map.entry("mapper_parsing_exception", 1L));
      assertThat(c.retriedItems()).isEqualTo(3);
      assertThat(c.throttled()).isEqualTo(3);
      assertThat(result.reconciles()).isTrue();

      List<DeadLetterRecord> dead =
          new DeadLetterReader(new LocalFileStorage()).readAll(result.deadLetterLocation());
      assertThat(dead).hasSize(1);
      DeadLetterRecord r = dead.get(0);
      assertThat(r.id()).isEqualTo("40");
      assertThat(r.index()).isEqualTo("test");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorType()).isEqualTo("mapper_parsing_exception");
      assertThat(r.reason()).isEqualTo("failed to parse field [n]");
      assertThat(r.position()).isEqualTo("row 40");
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(new String(r.source(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":40}");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(Path.of(result.deadLetterLocation()))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void bytesHeldNeverExceedTheMemoryCap() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(r -> json(200, allCreated(r)).delayed(20))) {
      Map<String, String> options = options(server);
      options.put("es.batch.size.bytes", "8kb");
      options.put("sluice.memory.max.bytes", "16kb");
      options.put("sluice.bulk.concurrency", "4");
      options.put("sluice.flow.adaptive", "false");
      BulkLoader loader = open(options);
      byte[] source = ("{\"pad\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 300; i++) {
        loader.add(Document.of(String.valueOf(i), source, "row " + i));
      }
      LoadResult result = loader.close();

      assertThat(result.counters().indexed()).isEqualTo(300);
      assertThat(result.counters().peakBytesBuffered()).isPositive().isLessThanOrEqualTo(16 * 1024);
      // The cap, not the batch size, is what limited the load: several requests were needed.
      assertThat(server.requests().size()).isGreaterThan(30);
    }
  }

  @Test
  void aNewerVersionIsNeverOvertakenByAnOlderOneWithSeveralRequestsInFlight() throws Exception {
    Map<String, Integer> applied = new ConcurrentHashMap<>();
    List<String> violations = new CopyOnWriteArrayList<>();
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> {
              String response =
                  bulkResponse(
                      r,
                      i ->
                          (r.number() + i) % 3 == 0
                              ? itemError(429, "es_rejected_execution_exception", "busy")
                              : null);
              // Apply what we acknowledge, as Elasticsearch would, and watch for regressions.
              for (int i = 0; i < r.items().size(); i++) {
                if ((r.number() + i) % 3 != 0) {
                  ScriptedBulkServer.Item item = r.items().get(i);
                  int version = Integer.parseInt(item.source().replaceAll("\\D", ""));
                  Integer before = applied.put(item.id(), version);
                  if (before != null && before > version) {
                    violations.add(item.id() + ": " + before + " then " + version);
                  }
                }
              }
              return json(200, response).delayed((r.number() % 4) * 15L);
            })) {
      Map<String, String> options = options(server);
      options.put("es.batch.size.entries", "7");
      options.put("sluice.bulk.concurrency", "4");
      options.put("sluice.flow.adaptive", "false");
      BulkLoader loader = open(options);
      for (int version = 0; version < 4; version++) {
        for (int id = 0; id < 30; id++) {
          loader.add(
              Document.of(
                  "doc" + id,
                  ("{\"v\":" + version + "}").getBytes(StandardCharsets.UTF_8),
                  "v" + version));
        }
      }
      LoadResult result = loader.close();

      assertThat(violations).isEmpty();
      assertThat(applied).hasSize(30).allSatisfy((id, version) -> assertThat(version).isEqualTo(3));
      assertThat(result.counters().indexed()).isEqualTo(120);
      assertThat(result.counters().retriedItems()).isPositive();
    }
  }

  @Test
  void badCredentialsStopTheLoadAtOnceWithoutRetrying() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> json(401, requestError(401, "security_exception", "unable to authenticate")))) {
      BulkLoader loader = open(options(server));
      for (int i = 0; i < 10; i++) {
        loader.add(doc(i));
      }
      assertThatThrownBy(loader::close)
          .isInstanceOf(ClusterFatalException.class)
          .hasMessageContaining("401")
          .hasMessageContaining("security_exception");
      assertThat(server.requests()).hasSize(1);
      // close() is idempotent: the same failure again.
      assertThatThrownBy(loader::close).isInstanceOf(ClusterFatalException.class);
    }
  }

  @Test
  void oneBadMappingStopsTheLoadEarly() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                json(
                    200,
                    bulkResponse(
                        r, i -> itemError(400, "mapper_parsing_exception", "wrong type"))))) {
      Map<String, String> options = options(server);
      options.put("es.batch.size.entries", "100");
      BulkLoader loader = open(options);
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  loader.add(doc(i));
                }
                loader.close();
              })
          .isInstanceOf(DeadLetterToleranceException.class)
          .hasMessageContaining("mapper_parsing_exception")
          .hasMessageContaining("sluice.deadletter.max.ratio");
      assertThat(server.allItems().size()).isLessThan(5_000);
    }
  }

  @Test
  void aRecordTheCallerCouldNotConvertIsDeadLetteredAndCountedAsRead() throws Exception {
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      BulkLoader loader = open(options(server));
      loader.add(doc(1));
      loader.deadLetter(
          new Document(
              null, "2", null, null, "{\"n\":\"NaN\"}".getBytes(StandardCharsets.UTF_8), "row 2"),
          "row_conversion_exception",
          "field 'n': NaN cannot be written as JSON");
      loader.add(doc(3));
      LoadResult result = loader.close();

      assertThat(server.allItems()).hasSize(2);
      assertThat(result.counters().read()).isEqualTo(3);
      assertThat(result.counters().indexed()).isEqualTo(2);
      assertThat(result.counters().deadLetteredByReason())
          .containsExactly(Map.entry("row_conversion_exception", 1L));
      assertThat(result.reconciles()).isTrue();
      List<DeadLetterRecord> dead =
          new DeadLetterReader(new LocalFileStorage()).readAll(result.deadLetterLocation());
      assertThat(dead).hasSize(1);
      DeadLetterRecord record = dead.get(0);
      assertThat(record.id()).isEqualTo("2");
      assertThat(record.index()).isEqualTo("test");
      assertThat(record.status()).isZero();
      assertThat(record.attempts()).isZero();
      assertThat(record.position()).isEqualTo("row 2");
      assertThat(record.reason()).contains("field 'n'");
      assertThat(new String(record.source(), StandardCharsets.UTF_8)).contains("NaN");
    }
  }

  @Test
  void compressionSendsGzipBodiesThatCarryEveryDocument() throws Exception {
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      Map<String, String> options = options(server);
      options.put("sluice.http.compression", "true");
      LoadResult result = load(options, 50);

      assertThat(server.requests()).isNotEmpty();
      assertThat(server.requests())
          .allSatisfy(r -> assertThat(r.contentEncoding()).isEqualTo("gzip"));
      assertThat(server.allItems())
          .extracting(ScriptedBulkServer.Item::id)
          .hasSize(50)
          .doesNotHaveDuplicates();
      assertThat(result.counters().indexed()).isEqualTo(50);
    }
  }

  @Test
  void withoutCompressionBodiesAreSentPlain() throws Exception {
    try (ScriptedBulkServer server = ScriptedBulkServer.start(r -> json(200, allCreated(r)))) {
      load(options(server), 5);

      assertThat(server.requests()).allSatisfy(r -> assertThat(r.contentEncoding()).isNull());
    }
  }
}
