package dev.sluice.spark.differential;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP proxy in front of the test node that answers {@code GET /} itself and forwards every
 * other request unchanged (method, path, query, headers but hop-by-hop ones, body), returning the
 * node's response unchanged.
 *
 * <p>The test node's distribution answers {@code GET /} with 405, and elasticsearch-hadoop asks it
 * for the cluster's name and version at the start of every task. The document answered here names
 * the real node's version and cluster, read from APIs the node does answer. Sluice is sent through
 * the same proxy so that both connectors meet the same server.
 */
final class RootShim implements AutoCloseable {
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "proxy-connection");

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient http;
  private final String upstream;
  private final byte[] rootDocument;

  private RootShim(String upstream, byte[] rootDocument) throws IOException {
    this.upstream =
        upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
    this.rootDocument = rootDocument;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor = Executors.newCachedThreadPool();
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * @param upstream the node's URL, e.g. {@code http://127.0.0.1:9200}
   * @param version the version the root document names
   * @param clusterName the cluster name it names
   * @param clusterUuid the cluster UUID it names
   */
  static RootShim start(String upstream, String version, String clusterName, String clusterUuid) {
    String root =
        "{\"name\":\"node-behind-root-shim\",\"cluster_name\":\""
            + clusterName
            + "\",\"cluster_uuid\":\""
            + clusterUuid
            + "\",\"version\":{\"number\":\""
            + version
            + "\",\"build_flavor\":\"default\",\"build_type\":\"zip\",\"build_snapshot\":false,"
            + "\"minimum_wire_compatibility_version\":\"7.17.0\","
            + "\"minimum_index_compatibility_version\":\"7.0.0\"},"
            + "\"tagline\":\"You Know, for Search\"}";
    try {
      return new RootShim(upstream, root.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the root shim", e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      URI uri = exchange.getRequestURI();
      if ("/".equals(uri.getPath()) && ("GET".equals(method) || "HEAD".equals(method))) {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
        send(exchange, 200, "HEAD".equals(method) ? new byte[0] : rootDocument);
        return;
      }
      forward(exchange, method, uri);
    }
  }

  private void forward(HttpExchange exchange, String method, URI uri) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(upstream + uri.getRawPath() + query(uri)))
            .timeout(Duration.ofMinutes(2))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> request.header(header.getKey(), value));
      }
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding " + method + " " + uri, e);
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
              }
            });
    send(exchange, response.statusCode(), "HEAD".equals(method) ? new byte[0] : response.body());
  }

  private static String query(URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean empty = body.length == 0;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
