package dev.sluice.spark.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RootShimTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<String> received = new AtomicReference<>();
  private HttpServer upstream;
  private RootShim shim;

  @BeforeEach
  void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Test")
                  + " "
                  + new String(body, StandardCharsets.UTF_8));
          byte[] answer = "{\"upstream\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-From", "upstream");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/") ? 405 : 201, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    upstream.start();
    shim =
        RootShim.start(
            "http://127.0.0.1:" + upstream.getAddress().getPort(), "8.19.21", "c", "uuid-1");
  }

  @AfterEach
  void stop() {
    shim.close();
    upstream.stop(0);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI shim(String path) {
    return URI.create("http://127.0.0.1:" + shim.port() + path);
  }

  @Test
  void answersTheRootItself() throws Exception {
    HttpResponse<String> root = send(HttpRequest.newBuilder(shim("/")));
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(IndexReader.tree(root.body()).path("version").path("number").asText())
        .isEqualTo("8.19.21");
    assertThat(IndexReader.tree(root.body()).path("cluster_uuid").asText()).isEqualTo("uuid-1");
    assertThat(received.get()).isNull();
  }

  @Test
  void forwardsEverythingElseUnchanged() throws Exception {
    HttpResponse<String> bulk =
        send(
            HttpRequest.newBuilder(shim("/idx/_bulk?refresh=true"))
                .header("X-Test", "kept")
                .POST(HttpRequest.BodyPublishers.ofString("{\"index\":{}}\n{\"a\":1}\n")));
    assertThat(received.get())
        .isEqualTo("POST /idx/_bulk?refresh=true kept {\"index\":{}}\n{\"a\":1}\n");
    assertThat(bulk.statusCode()).isEqualTo(201);
    assertThat(bulk.body()).isEqualTo("{\"upstream\":true}");
    assertThat(bulk.headers().firstValue("X-From")).contains("upstream");
  }
}
