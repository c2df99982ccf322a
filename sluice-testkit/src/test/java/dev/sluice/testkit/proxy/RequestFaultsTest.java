package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestFaultsTest {
  private FakeUpstream upstream;
  private FaultProxy proxy;
  private final List<Duration> slept = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startUpstream() throws Exception {
    upstream = new FakeUpstream();
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  private Client proxyWith(Fault... script) {
    proxy =
        FaultProxy.forward(upstream.url())
            .onBulk(FaultPlan.script(script))
            .sleeper(slept::add)
            .start();
    return new Client(proxy.url());
  }

  @Test
  void statusBeforeNeverReachesUpstream() throws Exception {
    Client client = proxyWith(Fault.statusBefore(429), Fault.statusBefore(503));

    HttpResponse<byte[]> first = client.bulk(Ndjson.indexActions("i", 3));
    HttpResponse<byte[]> second = client.bulk(Ndjson.indexActions("i", 3));

    assertThat(first.statusCode()).isEqualTo(429);
    JsonNode error = Client.json(first.body());
    assertThat(error.at("/error/type").asText()).isEqualTo("es_rejected_execution_exception");
    assertThat(error.at("/error/reason").asText()).contains("injected by FaultProxy");
    assertThat(error.get("status").asInt()).isEqualTo(429);
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(upstream.received()).isEmpty();
    FaultProxyStats stats = proxy.stats();
    assertThat(stats.statusBefore(429)).isEqualTo(1);
    assertThat(stats.statusBefore(503)).isEqualTo(1);
    assertThat(stats.requestsForwarded()).isZero();
  }

  @Test
  void afterTheScriptRequestsPass() throws Exception {
    Client client = proxyWith(Fault.statusBefore(429));

    client.bulk(Ndjson.indexActions("i", 1));
    HttpResponse<byte[]> second = client.bulk(Ndjson.indexActions("i", 1));

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(upstream.received()).hasSize(1);
  }

  @Test
  void statusAfterReachesUpstreamButTheClientSees502() throws Exception {
    Client client = proxyWith(Fault.statusAfter(502));

    HttpResponse<byte[]> response = client.bulk(Ndjson.indexActions("i", 2));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(upstream.receivedBulkIds()).containsExactly("0", "1");
    assertThat(proxy.stats().statusAfter(502)).isEqualTo(1);
    assertThat(proxy.stats().requestsForwarded()).isEqualTo(1);
  }

  @Test
  void cutAfterReachesUpstreamAndTheClientGetsNoResponse() throws Exception {
    Client client = proxyWith(Fault.cutAfter());

    assertThatThrownBy(() -> client.bulk(Ndjson.indexActions("i", 2)))
        .isInstanceOf(IOException.class);

    assertThat(upstream.receivedBulkIds()).containsExactly("0", "1");
    assertThat(proxy.stats().cutAfter()).isEqualTo(1);
    // The same client keeps working on a new connection.
    assertThat(client.bulk(Ndjson.indexActions("i", 1)).statusCode()).isEqualTo(200);
  }

  @Test
  void cutAfterSendsNotOneByteOnTheWire() throws Exception {
    proxyWith(Fault.cutAfter());
    byte[] body = Ndjson.indexActions("i", 1);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST /_bulk HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
              + "Content-Length: "
              + body.length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      int read;
      try {
        read = in.read();
      } catch (java.net.SocketException reset) {
        read = -1;
      }
      assertThat(read).as("first byte of the response").isEqualTo(-1);
    }
    assertThat(upstream.received()).hasSize(1);
  }

  @Test
  void chunkedRequestBodiesAreForwardedWhole() throws Exception {
    proxyWith();
    byte[] body = Ndjson.indexActions("i", 2);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /_bulk HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + Integer.toHexString(10)
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10);
      out.write(
          ("\r\n" + Integer.toHexString(body.length - 10) + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 10, body.length - 10);
      out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] status = socket.getInputStream().readNBytes(12);
      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
    }
    assertThat(upstream.received().get(0).body()).isEqualTo(body);
  }

  @Test
  void delayWaitsThroughTheSleeperThenForwards() throws Exception {
    Client client = proxyWith(Fault.delay(Duration.ofSeconds(3)));

    HttpResponse<byte[]> response = client.bulk(Ndjson.indexActions("i", 1));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(slept).containsExactly(Duration.ofSeconds(3));
    assertThat(upstream.received()).hasSize(1);
    assertThat(proxy.stats().delayed()).isEqualTo(1);
  }

  @Test
  void requestsOutsideTheMatcherAreNeverFaulted() throws Exception {
    Client client = proxyWith(Fault.statusBefore(429));

    HttpResponse<byte[]> response = client.post("/i/_doc/1", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(FakeUpstream.OTHER_STATUS);
    assertThat(proxy.stats().statusBefore(429)).isZero();
    assertThat(client.bulk(Ndjson.indexActions("i", 1)).statusCode())
        .as("the script is still waiting for the first bulk")
        .isEqualTo(429);
  }
}
