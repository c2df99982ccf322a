package dev.sluice.testkit.proxy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Writing an answer to the client, or refusing one. */
final class Exchanges {
  private Exchanges() {}

  static void respond(
      HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (HeaderRules.copied(header.getKey())) {
        exchange.getResponseHeaders().put(header.getKey(), List.copyOf(header.getValue()));
      }
    }
    boolean noBody =
        body.length == 0
            || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())
            || status == 204
            || status == 304;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!noBody) {
        out.write(body);
      }
    }
  }

  static void respondJson(HttpExchange exchange, int status, byte[] body) throws IOException {
    respond(exchange, status, Map.of("Content-Type", List.of("application/json")), body);
  }

  /**
   * Closes the client's connection without any response. With no response headers sent, the JDK
   * server closes the socket itself rather than finishing the exchange, so the client reads end of
   * stream where it expects a status line.
   */
  static void cut(HttpExchange exchange) {
    exchange.close();
  }
}
