package dev.sluice.core.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.testkit.proxy.BulkBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake {@code _bulk} endpoint on 127.0.0.1 that accepts exactly one Authorization header value
 * and answers 401 (as Elasticsearch does) to anything else. Records every header it got.
 */
final class FakeAuthServer implements AutoCloseable {
  private final HttpServer server;
  private final String expected;
  private final List<String> received = new CopyOnWriteArrayList<>();

  FakeAuthServer(String expectedAuthorization) throws IOException {
    this.expected = expectedAuthorization;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The Authorization header of each request, in order; "(none)" when absent. */
  List<String> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      received.add(auth == null ? "(none)" : auth);
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!expected.equals(auth)) {
        reply(
            exchange,
            401,
            "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate"
                + " with provided credentials\"},\"status\":401}");
        return;
      }
      int docs = BulkBody.parse(body).size();
      StringBuilder items = new StringBuilder();
      for (int i = 0; i < docs; i++) {
        items
            .append(i == 0 ? "" : ",")
            .append("{\"index\":{\"status\":201,\"result\":\"created\"}}");
      }
      reply(exchange, 200, "{\"errors\":false,\"items\":[" + items + "]}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
