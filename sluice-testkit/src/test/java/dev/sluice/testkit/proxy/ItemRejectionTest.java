package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemRejectionTest {
  private FakeUpstream upstream;
  private FaultProxy proxy;
  private Client client;

  @BeforeEach
  void start() throws Exception {
    upstream = new FakeUpstream();
    proxy =
        FaultProxy.forward(upstream.url())
            .seed(42)
            .onBulk(FaultPlan.always(Fault.item429(0.3)))
            .start();
    client = new Client(proxy.url());
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void removedItemsComeBackAs429sInTheirOriginalPlaces() throws Exception {
    HttpResponse<byte[]> response = client.bulk(Ndjson.indexActions("logs", 50));

    List<String> rejected = proxy.stats().item429Ids();
    List<String> all =
        IntStream.range(0, 50).mapToObj(Integer::toString).collect(Collectors.toList());
    List<String> kept = new ArrayList<>(all);
    kept.removeAll(rejected);
    assertThat(rejected).isNotEmpty().hasSizeLessThan(50).doesNotHaveDuplicates();
    assertThat(upstream.receivedBulkIds()).containsExactlyElementsOf(kept);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Client.json(response.body());
    assertThat(body.get("errors").asBoolean()).isTrue();
    JsonNode items = body.get("items");
    assertThat(items).hasSize(50);
    for (int i = 0; i < 50; i++) {
      JsonNode item = items.get(i).get("index");
      assertThat(item.get("_id").asText()).isEqualTo(Integer.toString(i));
      assertThat(item.get("_index").asText()).isEqualTo("logs");
      if (rejected.contains(Integer.toString(i))) {
        assertThat(item.get("status").asInt()).isEqualTo(429);
        assertThat(item.at("/error/type").asText()).isEqualTo("es_rejected_execution_exception");
      } else {
        assertThat(item.get("status").asInt()).isEqualTo(201);
        assertThat(item.has("error")).isFalse();
      }
    }
    FaultProxyStats stats = proxy.stats();
    assertThat(stats.item429Requests()).isEqualTo(1);
    assertThat(stats.item429Items()).isEqualTo(rejected.size());
  }

  @Test
  void everyActionKeepsItsKeyIndexAndId() throws Exception {
    proxy.close();
    proxy = FaultProxy.forward(upstream.url()).onBulk(FaultPlan.always(Fault.item429(1.0))).start();
    byte[] body =
        new Ndjson()
            .index(null, "a")
            .create("other", "b")
            .update(null, "c")
            .delete("other", "d")
            .indexAutoId()
            .bytes();

    HttpResponse<byte[]> response = new Client(proxy.url()).post("/logs/_bulk?refresh=true", body);

    assertThat(upstream.received()).as("everything removed: nothing forwarded").isEmpty();
    JsonNode items = Client.json(response.body()).get("items");
    assertThat(items).hasSize(5);
    assertThat(items.get(0).at("/index/_index").asText()).isEqualTo("logs");
    assertThat(items.get(0).at("/index/_id").asText()).isEqualTo("a");
    assertThat(items.get(1).at("/create/_index").asText()).isEqualTo("other");
    assertThat(items.get(2).at("/update/_id").asText()).isEqualTo("c");
    assertThat(items.get(3).at("/delete/_id").asText()).isEqualTo("d");
    assertThat(items.get(4).at("/index/_index").asText()).isEqualTo("logs");
    assertThat(items.get(4).at("/index").has("_id")).isFalse();
    items.forEach(item -> assertThat(item.elements().next().get("status").asInt()).isEqualTo(429));
    FaultProxyStats stats = proxy.stats();
    assertThat(stats.item429Items()).isEqualTo(5);
    assertThat(stats.item429Ids()).containsExactly("a", "b", "c", "d");
    assertThat(stats.requestsForwarded()).isZero();
  }

  @Test
  void gzipRequestIsForwardedUncompressedAndGzipResponseIsSplicedAndRecompressed()
      throws Exception {
    byte[] plain = Ndjson.indexActions("i", 40);

    HttpResponse<byte[]> response =
        client.post(
            "/_bulk",
            FakeUpstream.gzip(plain),
            "Content-Encoding",
            "gzip",
            "Accept-Encoding",
            "gzip",
            "Content-Type",
            "application/x-ndjson");

    FakeUpstream.Received received = upstream.received().get(0);
    assertThat(received.header("Content-Encoding")).isNull();
    List<String> rejected = proxy.stats().item429Ids();
    assertThat(rejected).isNotEmpty();
    assertThat(upstream.receivedBulkIds())
        .hasSize(40 - rejected.size())
        .doesNotContainAnyElementsOf(rejected);
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    JsonNode items = Client.json(FakeUpstream.gunzip(response.body())).get("items");
    assertThat(items).hasSize(40);
    for (int i = 0; i < 40; i++) {
      int expected = rejected.contains(Integer.toString(i)) ? 429 : 201;
      assertThat(items.get(i).at("/index/status").asInt()).isEqualTo(expected);
    }
  }

  @Test
  void aBodyThatIsNotBulkIsForwardedUnchanged() throws Exception {
    byte[] notBulk = "{\"query\":{}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<byte[]> response = client.bulk(notBulk);

    assertThat(upstream.received().get(0).body()).isEqualTo(notBulk);
    // Elasticsearch's answer to a body it cannot read comes back as it was.
    assertThat(response.statusCode()).isEqualTo(FakeUpstream.MALFORMED_STATUS);
    assertThat(Client.json(response.body()).at("/error/reason").asText())
        .startsWith("bulk line 1 is not an action line");
    assertThat(proxy.stats().item429Items()).isZero();
  }

  @Test
  void aResponseThatCannotBeCompletedIsAProxyFailureNotASilentLoss() throws Exception {
    proxy.close();
    proxy =
        FaultProxy.forward(upstream.url())
            .seed(42)
            .on(RequestMatcher.any(), FaultPlan.always(Fault.item429(0.5)))
            .start();

    // The fake answers this path with 201 and a body that is not a bulk response.
    HttpResponse<byte[]> response =
        new Client(proxy.url()).post("/not-a-bulk-endpoint", Ndjson.indexActions("i", 20));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(Client.json(response.body()).at("/error/type").asText())
        .isEqualTo("fault_proxy_failure");
    assertThat(proxy.stats().proxyFailures()).isEqualTo(1);
    assertThat(proxy.stats().item429Items()).isZero();
  }
}
