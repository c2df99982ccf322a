package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import dev.sluice.testkit.proxy.Fault;
import dev.sluice.testkit.proxy.FaultPlan;
import dev.sluice.testkit.proxy.FaultProxy;
import dev.sluice.testkit.proxy.FaultProxyStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine through the fault proxy in front of the real node: each fault at 5-10% of requests (or
 * items) still ends with the exact index, and the loader's counters match what the proxy injected.
 */
@ExtendWith(ElasticsearchExtension.class)
@Timeout(180)
class FaultInjectionIT {
  private static final int DOCS = 3_000;

  /** Small batches, so that a few thousand documents make ~75 requests for the faults to hit. */
  private static final int BATCH = 40;

  private static final Set<String> EXPECTED_IDS =
      IntStream.range(0, DOCS).mapToObj(FaultInjectionIT::id).collect(Collectors.toSet());

  @TempDir Path deadLetterDir;

  /** What a load through the proxy did, on both sides. */
  private record Run(LoadResult result, FaultProxyStats stats, IndexContents index) {
    LoadCounters counters() {
      return result.counters();
    }
  }

  @Test
  void throttledRequestsAreRetriedUntilEveryDocumentIsIndexed(EsHandle es) throws Exception {
    Run run = load(es, FaultPlan.random().with(0.08, Fault.statusBefore(429)), true);

    long injected = run.stats().statusBefore(429);
    assertThat(injected).as("429s injected").isPositive();
    assertExactIndexWithoutDeadLetters(run);
    LoadCounters c = run.counters();
    assertThat(c.retriedRequests()).isEqualTo(injected);
    assertThat(c.throttled()).isEqualTo(injected);
    assertThat(c.retriedItems()).isGreaterThanOrEqualTo(injected);
    // Nothing reached Elasticsearch twice: the 429 came before forwarding.
    assertThat(c.created()).isEqualTo(DOCS);
    assertThat(c.updated()).isZero();
  }

  @Test
  void unavailableRequestsAreRetried(EsHandle es) throws Exception {
    Run run = load(es, FaultPlan.random().with(0.08, Fault.statusBefore(503)), true);

    long injected = run.stats().statusBefore(503);
    assertThat(injected).as("503s injected").isPositive();
    assertExactIndexWithoutDeadLetters(run);
    LoadCounters c = run.counters();
    assertThat(c.retriedRequests()).isEqualTo(injected);
    assertThat(c.throttled()).isZero();
    assertThat(c.created()).isEqualTo(DOCS);
    assertThat(c.updated()).isZero();
    assertThat(c.possibleDuplicates()).isZero();
  }

  @Test
  void badGatewayAfterTheBulkWasAppliedIsReplayedAsUpdates(EsHandle es) throws Exception {
    Run run = load(es, FaultPlan.random().with(0.08, Fault.statusAfter(502)), true);

    long injected = run.stats().statusAfter(502);
    assertThat(injected).as("502s injected after forwarding").isPositive();
    assertExactIndexWithoutDeadLetters(run);
    assertReplayedAmbiguousRequests(run.counters(), injected);
  }

  @Test
  void connectionCutAfterTheBulkWasAppliedIsReplayedAsUpdates(EsHandle es) throws Exception {
    Run run = load(es, FaultPlan.random().with(0.08, Fault.cutAfter()), true);

    long injected = run.stats().cutAfter();
    assertThat(injected).as("connections cut after forwarding").isPositive();
    assertExactIndexWithoutDeadLetters(run);
    assertReplayedAmbiguousRequests(run.counters(), injected);
  }

  @Test
  void slowResponsesAreWaitedForNotRetried(EsHandle es) throws Exception {
    Run run = load(es, FaultPlan.random().with(0.08, Fault.delay(Duration.ofMillis(300))), true);

    assertThat(run.stats().delayed()).as("requests delayed").isPositive();
    assertExactIndexWithoutDeadLetters(run);
    LoadCounters c = run.counters();
    assertThat(c.retriedRequests()).isZero();
    assertThat(c.retriedItems()).isZero();
    assertThat(c.created()).isEqualTo(DOCS);
  }

  @Test
  void onlyTheThrottledItemsAreResent(EsHandle es) throws Exception {
    Run run = load(es, FaultPlan.always(Fault.item429(0.06)), true);

    FaultProxyStats stats = run.stats();
    assertThat(stats.item429Items()).as("items rejected with 429").isPositive();
    assertExactIndexWithoutDeadLetters(run);
    LoadCounters c = run.counters();
    assertThat(c.retriedItems()).isEqualTo(stats.item429Items());
    assertThat(c.throttled()).isEqualTo(stats.item429Items());
    assertThat(c.retriedRequests()).isZero();
    // Rejected items were never forwarded, so every document was created exactly once.
    assertThat(c.created()).isEqualTo(DOCS);
    assertThat(c.updated()).isZero();
    assertThat(stats.item429Ids()).hasSize((int) stats.item429Items()).isSubsetOf(EXPECTED_IDS);
  }

  @Test
  void everyFaultAtOnce(EsHandle es) throws Exception {
    FaultPlan plan =
        FaultPlan.random()
            .with(0.03, Fault.statusBefore(429))
            .with(0.03, Fault.statusBefore(503))
            .with(0.03, Fault.statusAfter(502))
            .with(0.03, Fault.cutAfter())
            .with(0.03, Fault.delay(Duration.ofMillis(200)))
            .with(0.10, Fault.item429(0.08));
    Run run = load(es, plan, true);

    FaultProxyStats s = run.stats();
    long wholeRequestFaults =
        s.statusBefore(429) + s.statusBefore(503) + s.statusAfter(502) + s.cutAfter();
    assertThat(wholeRequestFaults).isPositive();
    assertThat(s.item429Items()).isPositive();
    assertExactIndexWithoutDeadLetters(run);
    LoadCounters c = run.counters();
    assertThat(c.retriedRequests()).isEqualTo(wholeRequestFaults);
    assertThat(c.throttled()).isEqualTo(s.statusBefore(429) + s.item429Items());
    assertThat(c.retriedItems()).isGreaterThanOrEqualTo(wholeRequestFaults + s.item429Items());
    assertThat(c.created() + c.updated()).isEqualTo(DOCS);
    if (s.ambiguousRequests() > 0) {
      assertThat(c.updated()).isPositive();
    }
    assertThat(c.updated()).isLessThanOrEqualTo(c.retriedItems());
  }

  @Test
  void generatedIdsReplayedAfterACutAreCountedAsPossibleDuplicates(EsHandle es) throws Exception {
    Run run = load(es, FaultPlan.random().with(0.08, Fault.cutAfter()), false);

    long cuts = run.stats().cutAfter();
    assertThat(cuts).as("connections cut after forwarding").isPositive();
    LoadCounters c = run.counters();
    assertThat(c.retriedRequests()).isEqualTo(cuts);
    assertThat(c.deadLettered()).isZero();
    assertThat(c.indexed()).isEqualTo(DOCS);
    assertThat(c.created()).isEqualTo(DOCS);
    assertThat(c.possibleDuplicates()).isPositive().isEqualTo(c.retriedItems());
    long count = run.index().count();
    assertThat(count).isBetween((long) DOCS, DOCS + c.possibleDuplicates());
    // Each cut came after Elasticsearch answered the forwarded bulk, so every replayed document
    // really exists twice: the report's count is exact, not only an upper bound.
    assertThat(count).isEqualTo(DOCS + c.possibleDuplicates());
    assertThat(run.result().reconciles()).isTrue();
  }

  private static void assertReplayedAmbiguousRequests(LoadCounters c, long injected) {
    assertThat(c.retriedRequests()).isEqualTo(injected);
    assertThat(c.throttled()).isZero();
    // Replaying an applied bulk with explicit ids overwrites: those documents answer "updated".
    assertThat(c.created() + c.updated()).isEqualTo(DOCS);
    assertThat(c.updated()).isPositive().isLessThanOrEqualTo(c.retriedItems());
    assertThat(c.possibleDuplicates()).isZero();
  }

  private static void assertExactIndexWithoutDeadLetters(Run run) {
    assertThat(run.stats().proxyFailures()).as("the proxy's own failures").isZero();
    LoadCounters c = run.counters();
    assertThat(c.read()).isEqualTo(DOCS);
    assertThat(c.indexed()).isEqualTo(DOCS);
    assertThat(c.deadLettered()).isZero();
    assertThat(run.result().deadLetterLocation()).isNull();
    assertThat(run.result().reconciles()).isTrue();
    assertThat(run.index().count()).isEqualTo(DOCS);
    List<String> ids = run.index().allIds();
    assertThat(ids).hasSize(DOCS);
    assertThat(new HashSet<>(ids)).isEqualTo(EXPECTED_IDS);
  }

  private Run load(EsHandle es, FaultPlan plan, boolean withIds) throws Exception {
    String index = es.newIndexName();
    assertThat(
            es.client()
                .createIndex(
                    index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}")
                .isSuccess())
        .isTrue();
    try (FaultProxy proxy = FaultProxy.forward(es.url()).seed(7).onBulk(plan).start()) {
      BulkLoader loader =
          BulkLoader.open(SluiceConfig.fromOptions(options(proxy.url(), index)), index);
      LoadResult result;
      try {
        for (int i = 0; i < DOCS; i++) {
          loader.add(Document.of(withIds ? id(i) : null, source(i), "row " + i));
        }
        result = loader.close();
      } catch (RuntimeException | InterruptedException e) {
        loader.abort();
        throw e;
      }
      return new Run(result, proxy.stats(), new IndexContents(es.client(), index));
    }
  }

  private Map<String, String> options(String url, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", url);
    options.put("es.resource", index);
    options.put("es.batch.size.entries", String.valueOf(BATCH));
    // Enough transient retries that 8% faults never exhaust them; short waits keep the test fast.
    options.put("es.batch.write.retry.count", "20");
    options.put("es.batch.write.retry.wait", "10ms");
    options.put("sluice.retry.max.delay", "200ms");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    return options;
  }

  private static String id(int i) {
    return "doc-" + i;
  }

  private static byte[] source(int i) {
    return ("{\"n\":" + i + ",\"text\":\"document number " + i + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
