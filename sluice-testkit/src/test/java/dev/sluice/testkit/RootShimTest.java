package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RootShimTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer upstream;
  private RootShim shim;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(body, StandardCharsets.UTF_8));
          byte[] answer = "{\"errors\":false}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.getResponseHeaders().set("X-Upstream", "yes");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    upstream.start();
    shim = RootShim.start("http://127.0.0.1:" + upstream.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    shim.close();
    upstream.stop(0);
  }

  @Test
  void answersTheRootItselfWithAnElasticsearchVersion() throws Exception {
    HttpResponse<String> root = send(HttpRequest.newBuilder(URI.create(shim.url() + "/")).GET());

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).contains("\"number\":\"8.19.21\"");
    assertThat(seen).isEmpty();
  }

  @Test
  void namesTheVersionAndClusterItIsGiven() throws Exception {
    try (RootShim named =
        RootShim.start(
            "http://127.0.0.1:" + upstream.getAddress().getPort(), "8.18.2", "prod", "uuid-1")) {
      HttpResponse<String> root = send(HttpRequest.newBuilder(URI.create(named.url() + "/")).GET());

      assertThat(root.body())
          .contains(
              "\"number\":\"8.18.2\"", "\"cluster_name\":\"prod\"", "\"cluster_uuid\":\"uuid-1\"");
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void forwardsEverythingElseWithBodyQueryAndHeaders() throws Exception {
    HttpResponse<String> bulk =
        send(
            HttpRequest.newBuilder(URI.create(shim.url() + "/_bulk?filter_path=errors"))
                .header("Authorization", "Basic abc")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"index\":{}}\n{\"a\":1}\n")));
    HttpResponse<String> missing =
        send(HttpRequest.newBuilder(URI.create(shim.url() + "/missing")).GET());

    assertThat(bulk.statusCode()).isEqualTo(200);
    assertThat(bulk.body()).isEqualTo("{\"errors\":false}");
    assertThat(bulk.headers().firstValue("X-Upstream")).contains("yes");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(seen)
        .containsExactly(
            "POST /_bulk?filter_path=errors Basic abc {\"index\":{}}\n{\"a\":1}\n",
            "GET /missing null ");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
