package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpServer;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.transport.HttpResult;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IndexRefreshTest {

  /** A fake node that records each request and answers {@code status}. */
  private static HttpServer server(List<String> seen, int status) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static SluiceConfig config(HttpServer server, String refresh) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", "http://127.0.0.1:" + server.getAddress().getPort());
    options.put("es.resource", "orders");
    options.put("es.net.http.auth.user", "loader");
    options.put("es.net.http.auth.pass", "s3cret");
    if (refresh != null) {
      options.put("es.batch.write.refresh", refresh);
    }
    return SluiceConfig.fromOptions(options);
  }

  @Test
  void byDefaultRefreshesTheIndexOnceWithTheLoadsCredentials() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = server(seen, 200);
    try {
      IndexRefresh.run(config(server, null));
    } finally {
      server.stop(0);
    }
    String basic = "Basic " + Base64.getEncoder().encodeToString("loader:s3cret".getBytes(UTF_8));
    assertThat(seen).containsExactly("POST /orders/_refresh " + basic);
  }

  @Test
  void withRefreshFalseSendsNothing() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = server(seen, 200);
    try {
      IndexRefresh.run(config(server, "false"));
    } finally {
      server.stop(0);
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void aFailedRefreshDoesNotFailTheJob() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = server(seen, 403);
    try {
      assertThatCode(() -> IndexRefresh.run(config(server, "true"))).doesNotThrowAnyException();
    } finally {
      server.stop(0);
    }
    assertThat(seen).hasSize(1);
  }

  @Test
  void saysWhyARefreshDidNotHappen() {
    assertThat(IndexRefresh.problem(HttpResult.response(200, new byte[0]))).isEmpty();
    assertThat(IndexRefresh.problem(HttpResult.response(403, new byte[0]))).hasValue("HTTP 403");
    assertThat(IndexRefresh.problem(HttpResult.failure(new ConnectException("refused"))))
        .hasValue("refused");
  }
}
