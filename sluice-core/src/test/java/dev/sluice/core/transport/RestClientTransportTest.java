package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.core.SluiceConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Request bodies arrive byte for byte (also gzip-compressed), response bodies come back whole,
 * whether chunked, sized or compressed, and each request goes to exactly one node.
 */
@Timeout(60)
class RestClientTransportTest {
  private final List<FakeNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(FakeNode::close);
  }

  @Test
  void aLargeBodyArrivesWholeAndAChunkedResponseComesBackWhole() throws Exception {
    byte[] answer = json(300_000); // larger than the first read buffer, so it grows
    FakeNode node = node(200, answer, false);
    List<byte[]> chunks = body(20_000);
    try (RestClientTransport transport = transport(Map.of(), node)) {
      for (int i = 0; i < 3; i++) {
        HttpResult result = send(transport, chunks);
        assertThat(result.error()).isNull();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo(answer);
      }
    }
    assertThat(node.bodies).hasSize(3).allSatisfy(b -> assertThat(b).isEqualTo(joined(chunks)));
  }

  @Test
  void aSizedResponseAndAnErrorStatusComeBackWithTheirBodies() throws Exception {
    byte[] answer =
        "{\"error\":{\"type\":\"es_rejected_execution_exception\"},\"status\":429}"
            .getBytes(StandardCharsets.UTF_8);
    FakeNode node = node(429, answer, true);
    try (RestClientTransport transport = transport(Map.of(), node)) {
      HttpResult result = send(transport, body(10));
      assertThat(result.status()).isEqualTo(429);
      assertThat(result.body()).isEqualTo(answer);
    }
  }

  @Test
  void aFailedRequestComesBackWithoutBeingSentToAnotherNode() throws Exception {
    // The engine must see the failure: only it knows whether a resend may duplicate documents.
    FakeNode unavailable = node(503, "{\"status\":503}".getBytes(StandardCharsets.UTF_8), true);
    FakeNode healthy = node(200, json(100), false);
    List<byte[]> chunks = body(30_000); // several write buffers long
    try (RestClientTransport transport = transport(Map.of(), unavailable, healthy)) {
      HttpResult result = send(transport, chunks);
      assertThat(result.status()).isEqualTo(503);
    }
    assertThat(unavailable.bodies).singleElement().isEqualTo(joined(chunks));
    assertThat(healthy.bodies).isEmpty();
  }

  @Test
  void theNextRequestGoesToAnotherNodeWithTheSameBytes() throws Exception {
    FakeNode unavailable = node(502, "bad gateway".getBytes(StandardCharsets.UTF_8), true);
    byte[] answer = json(100);
    FakeNode healthy = node(200, answer, false);
    List<byte[]> chunks = body(30_000);
    try (RestClientTransport transport = transport(Map.of(), unavailable, healthy)) {
      assertThat(send(transport, chunks).status()).isEqualTo(502);
      HttpResult resent = send(transport, chunks);
      assertThat(resent.status()).isEqualTo(200);
      assertThat(resent.body()).isEqualTo(answer);
      // The failed node rests: the healthy one takes the following requests too.
      assertThat(send(transport, chunks).status()).isEqualTo(200);
    }
    assertThat(unavailable.bodies).singleElement().isEqualTo(joined(chunks));
    assertThat(healthy.bodies).hasSize(2).allSatisfy(b -> assertThat(b).isEqualTo(joined(chunks)));
  }

  @Test
  void requestsRotateOverHealthyNodes() throws Exception {
    FakeNode a = node(200, json(1), false);
    FakeNode b = node(200, json(1), true);
    try (RestClientTransport transport = transport(Map.of(), a, b)) {
      for (int i = 0; i < 4; i++) {
        assertThat(send(transport, body(1)).status()).isEqualTo(200);
      }
    }
    assertThat(a.bodies).hasSize(2);
    assertThat(b.bodies).hasSize(2);
  }

  @Test
  void compressionSendsGzipAndReadsAGzipResponse() throws Exception {
    byte[] answer = json(5_000);
    FakeNode node = node(200, answer, false);
    node.gzipResponses = true;
    List<byte[]> chunks = body(5_000);
    try (RestClientTransport transport =
        transport(Map.of("sluice.http.compression", "true"), node)) {
      HttpResult result = send(transport, chunks);
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.body()).isEqualTo(answer);
    }
    assertThat(node.encodings).containsExactly("gzip");
    assertThat(node.bodies).singleElement().isEqualTo(joined(chunks));
  }

  private FakeNode node(int status, byte[] answer, boolean sized) throws IOException {
    FakeNode node = new FakeNode(status, answer, sized);
    nodes.add(node);
    return node;
  }

  private static RestClientTransport transport(Map<String, String> given, FakeNode... nodes) {
    Map<String, String> options = new HashMap<>(given);
    List<String> urls = new ArrayList<>();
    for (FakeNode node : nodes) {
      urls.add(node.url());
    }
    options.put("es.nodes", String.join(",", urls));
    options.put("es.resource", "test");
    return RestClientTransport.create(SluiceConfig.fromOptions(options).connection());
  }

  private static HttpResult send(RestClientTransport transport, List<byte[]> chunks)
      throws Exception {
    CompletableFuture<HttpResult> done = new CompletableFuture<>();
    transport.send(chunks, joined(chunks).length, done::complete);
    return done.get(30, TimeUnit.SECONDS);
  }

  /** Bulk-like lines: an action chunk, a source chunk and a newline chunk per document. */
  private static List<byte[]> body(int docs) {
    List<byte[]> chunks = new ArrayList<>();
    byte[] newline = {'\n'};
    for (int i = 0; i < docs; i++) {
      chunks.add(("{\"index\":{\"_id\":\"d-" + i + "\"}}\n").getBytes(StandardCharsets.UTF_8));
      chunks.add(("{\"n\":" + i + ",\"text\":\"" + "x".repeat(i % 97) + "\"}").getBytes());
      chunks.add(newline);
    }
    return chunks;
  }

  private static byte[] json(int items) {
    StringBuilder json = new StringBuilder("{\"errors\":false,\"items\":[");
    for (int i = 0; i < items; i++) {
      json.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":201,\"result\":\"created\"}}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] joined(List<byte[]> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** A fake node on 127.0.0.1 that records each request body and gives one fixed answer. */
  private static final class FakeNode implements AutoCloseable {
    final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    final List<String> encodings = new CopyOnWriteArrayList<>();
    volatile boolean gzipResponses;
    private final HttpServer server;
    private final int status;
    private final byte[] answer;
    private final boolean sized;

    FakeNode(int status, byte[] answer, boolean sized) throws IOException {
      this.status = status;
      this.answer = answer;
      this.sized = sized;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null) {
          encodings.add(encoding);
          body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        bodies.add(body);
        byte[] out = answer;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (gzipResponses) {
          ByteArrayOutputStream zipped = new ByteArrayOutputStream();
          try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(answer);
          }
          out = zipped.toByteArray();
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(status, sized ? out.length : 0); // 0: chunked
        try (OutputStream stream = exchange.getResponseBody()) {
          stream.write(out);
        }
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
