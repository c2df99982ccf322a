package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PassThroughTest {
  private FakeUpstream upstream;
  private FaultProxy proxy;
  private Client client;

  @BeforeEach
  void start() throws Exception {
    upstream = new FakeUpstream();
    proxy = FaultProxy.forward(upstream.url()).seed(1).start();
    client = new Client(proxy.url());
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void requestAndResponseArriveUnchanged() throws Exception {
    byte[] body = new byte[10_000];
    new Random(7).nextBytes(body);

    HttpResponse<byte[]> response =
        client.post(
            "/some/path%2Fencoded?q=a%20b&x=1",
            body,
            "Authorization",
            "Basic dXNlcjpwYXNz",
            "Content-Encoding",
            "gzip",
            "X-Opaque-Id",
            "abc");

    assertThat(upstream.received()).hasSize(1);
    FakeUpstream.Received received = upstream.received().get(0);
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.pathAndQuery()).isEqualTo("/some/path%2Fencoded?q=a%20b&x=1");
    assertThat(received.header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
    assertThat(received.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(received.header("X-Opaque-Id")).isEqualTo("abc");
    assertThat(received.body()).isEqualTo(body);

    assertThat(response.statusCode()).isEqualTo(FakeUpstream.OTHER_STATUS);
    assertThat(response.headers().firstValue("X-Upstream")).hasValue("fake");
    assertThat(response.body()).isEqualTo(FakeUpstream.OTHER_BODY);
  }

  @Test
  void bulkWithoutFaultsIsByteExactBothWays() throws Exception {
    byte[] body = new Ndjson().index("i", "1").delete("i", "2").update("i", "3").bytes();

    HttpResponse<byte[]> response = client.bulk(body);

    assertThat(upstream.received()).hasSize(1);
    assertThat(upstream.received().get(0).body()).isEqualTo(body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Client.json(response.body()).get("items")).hasSize(3);
    assertThat(Client.json(response.body()).get("errors").asBoolean()).isFalse();
    FaultProxyStats stats = proxy.stats();
    assertThat(stats.requestsSeen()).isEqualTo(1);
    assertThat(stats.requestsMatched()).isEqualTo(1);
    assertThat(stats.requestsForwarded()).isEqualTo(1);
  }

  @Test
  void getWithoutBodyPasses() throws Exception {
    HttpResponse<byte[]> response = client.get("/_cluster/health");

    assertThat(response.statusCode()).isEqualTo(FakeUpstream.OTHER_STATUS);
    assertThat(upstream.received().get(0).method()).isEqualTo("GET");
    assertThat(upstream.received().get(0).body()).isEmpty();
    assertThat(proxy.stats().requestsMatched()).isZero();
  }

  @Test
  void unreachableUpstreamIsA502ThatIsNotCountedAsAFault() throws Exception {
    upstream.close();

    HttpResponse<byte[]> response = client.bulk(Ndjson.indexActions("i", 1));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(Client.json(response.body()).at("/error/type").asText())
        .isEqualTo("fault_proxy_failure");
    assertThat(proxy.stats().proxyFailures()).isEqualTo(1);
    assertThat(proxy.stats().ambiguousRequests()).isZero();
  }
}
