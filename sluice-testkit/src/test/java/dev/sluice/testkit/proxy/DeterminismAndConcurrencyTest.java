package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeterminismAndConcurrencyTest {
  private static final FaultPlan MIXED =
      FaultPlan.random()
          .with(0.15, Fault.statusBefore(429))
          .with(0.05, Fault.statusBefore(503))
          .with(0.1, Fault.statusAfter(502))
          .with(0.1, Fault.cutAfter())
          .with(0.1, Fault.delay(Duration.ofMillis(1)))
          .with(0.2, Fault.item429(0.2));

  /** What one client saw for one bulk request of 10 items with ids {@code r<request>-<item>}. */
  private static String outcome(Client client, int request) throws InterruptedException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      body.append("{\"index\":{\"_index\":\"i\",\"_id\":\"r")
          .append(request)
          .append('-')
          .append(i)
          .append("\"}}\n{\"n\":1}\n");
    }
    try {
      HttpResponse<byte[]> response =
          client.bulk(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        return "status " + response.statusCode();
      }
      List<String> rejected = new ArrayList<>();
      for (JsonNode item : Client.json(response.body()).get("items")) {
        if (item.at("/index/status").asInt() == 429) {
          rejected.add(item.at("/index/_id").asText());
        }
      }
      return "rejected " + rejected;
    } catch (IOException e) {
      return "cut";
    }
  }

  private static List<String> sequentialOutcomes(long seed) throws Exception {
    try (FakeUpstream upstream = new FakeUpstream();
        FaultProxy proxy = FaultProxy.forward(upstream.url()).seed(seed).onBulk(MIXED).start()) {
      Client client = new Client(proxy.url());
      List<String> outcomes = new ArrayList<>();
      for (int request = 0; request < 60; request++) {
        outcomes.add(outcome(client, request));
      }
      return outcomes;
    }
  }

  @Test
  void theSameSeedGivesTheSameFaults() throws Exception {
    List<String> first = sequentialOutcomes(42);
    List<String> second = sequentialOutcomes(42);
    List<String> otherSeed = sequentialOutcomes(43);

    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(otherSeed);
    assertThat(first).contains("status 429", "status 502", "cut");
    assertThat(first).anyMatch(o -> o.startsWith("rejected [r"));
  }

  @Test
  void concurrentRequestsKeepCountersExact() throws Exception {
    int threads = 8;
    int perThread = 25;
    try (FakeUpstream upstream = new FakeUpstream();
        FaultProxy proxy = FaultProxy.forward(upstream.url()).seed(7).onBulk(MIXED).start()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  Client client = new Client(proxy.url());
                  List<String> outcomes = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    outcomes.add(outcome(client, thread * 1000 + i));
                  }
                  return outcomes;
                }));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<List<String>> future : futures) {
        outcomes.addAll(future.get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();

      FaultProxyStats stats = proxy.stats();
      List<String> clientSawRejected = new ArrayList<>();
      for (String outcome : outcomes) {
        if (outcome.startsWith("rejected [") && !outcome.equals("rejected []")) {
          clientSawRejected.addAll(
              List.of(outcome.substring("rejected [".length(), outcome.length() - 1).split(", ")));
        }
      }
      assertThat(stats.requestsSeen()).isEqualTo(threads * perThread);
      assertThat(stats.requestsMatched()).isEqualTo(threads * perThread);
      assertThat(stats.requestsForwarded()).isEqualTo(upstream.received().size());
      assertThat(stats.statusBefore(429)).isEqualTo(count(outcomes, "status 429")).isPositive();
      assertThat(stats.statusBefore(503)).isEqualTo(count(outcomes, "status 503"));
      assertThat(stats.statusAfter(502)).isEqualTo(count(outcomes, "status 502")).isPositive();
      assertThat(stats.cutAfter()).isEqualTo(count(outcomes, "cut")).isPositive();
      assertThat(stats.item429Ids()).containsExactlyInAnyOrderElementsOf(clientSawRejected);
      assertThat(stats.item429Items()).isEqualTo(clientSawRejected.size());
      assertThat(upstream.receivedBulkIds()).doesNotContainAnyElementsOf(clientSawRejected);
      assertThat(stats.proxyFailures()).isZero();
    }
  }

  private static long count(List<String> outcomes, String outcome) {
    return outcomes.stream().filter(outcome::equals).count();
  }
}
