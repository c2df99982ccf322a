package dev.sluice.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers {@code GET /} and forwards every other request to one Elasticsearch node. The test node
 * has no {@code rest-root} module, so it answers {@code GET /} with 405, and elasticsearch-hadoop
 * asks for the cluster's version there in every task; behind this shim it gets an 8.19 answer.
 * Whatever is compared through the shim (a benchmark, a differential test) sends every loader
 * through it, so each pays the same extra hop.
 *
 * <p>{@code java -cp <testkit jar> dev.sluice.testkit.RootShim <node URL> [port]} runs it in a
 * process of its own (a benchmark then keeps its CPU apart from the loaders'); it prints its URL.
 */
public final class RootShim implements AutoCloseable {
  /**
   * Hop-by-hop headers and those the JDK client sets itself or refuses; everything else is passed
   * on both ways.
   */
  private static final Set<String> HOP_HEADERS =
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

  private static final String DEFAULT_VERSION = "8.19.21";
  private static final String DEFAULT_CLUSTER = "sluice-test";
  private static final String DEFAULT_UUID = "c2x1aWNlLXNoaW0tY2x1c3Rlcg";

  private final URI node;
  private final byte[] rootAnswer;
  private final HttpServer server;
  private final ExecutorService workers;
  private final HttpClient client;

  private RootShim(URI node, int port, byte[] rootAnswer) throws IOException {
    this.node = node;
    this.rootAnswer = rootAnswer;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.workers = Executors.newFixedThreadPool(16);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(workers)
            .build();
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  /** Starts a shim in front of {@code nodeUrl} on a free loopback port. */
  public static RootShim start(String nodeUrl) throws IOException {
    return start(nodeUrl, 0);
  }

  /**
   * Starts a shim whose {@code GET /} names the given version and cluster, e.g. the real node's
   * (read from APIs it does answer), for a client that checks them.
   */
  public static RootShim start(
      String nodeUrl, String version, String clusterName, String clusterUuid) throws IOException {
    return start(nodeUrl, 0, rootAnswer(version, clusterName, clusterUuid));
  }

  static RootShim start(String nodeUrl, int port) throws IOException {
    return start(nodeUrl, port, rootAnswer(DEFAULT_VERSION, DEFAULT_CLUSTER, DEFAULT_UUID));
  }

  private static RootShim start(String nodeUrl, int port, byte[] rootAnswer) throws IOException {
    RootShim shim = new RootShim(URI.create(nodeUrl.replaceAll("/+$", "")), port, rootAnswer);
    shim.server.start();
    return shim;
  }

  private static byte[] rootAnswer(String version, String clusterName, String clusterUuid) {
    String json =
        "{\"name\":\"sluice-shim\",\"cluster_name\":\""
            + clusterName
            + "\",\"cluster_uuid\":\""
            + clusterUuid
            + "\",\"version\":{\"number\":\""
            + version
            + "\",\"build_flavor\":\"default\",\"build_type\":\"zip\",\"build_snapshot\":false,"
            + "\"minimum_wire_compatibility_version\":\"7.17.0\","
            + "\"minimum_index_compatibility_version\":\"7.0.0\"},"
            + "\"tagline\":\"You Know, for Search\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      if ("/".equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
        answerRoot(exchange, "HEAD".equals(method));
        return;
      }
      forward(exchange, method, path + (query == null ? "" : "?" + query));
    }
  }

  private void answerRoot(HttpExchange exchange, boolean head) throws IOException {
    byte[] body = rootAnswer;
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
    exchange.sendResponseHeaders(200, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
  }

  private void forward(HttpExchange exchange, String method, String pathAndQuery)
      throws IOException {
    byte[] requestBody;
    try (InputStream in = exchange.getRequestBody()) {
      requestBody = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node + pathAndQuery))
            .timeout(Duration.ofMinutes(5))
            .method(
                method,
                requestBody.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(requestBody));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
              }
            });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(503, -1);
      return;
    } catch (IOException e) {
      byte[] body =
          ("{\"error\":\"root shim: " + e.getClass().getSimpleName() + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(502, body.length);
      exchange.getResponseBody().write(body);
      return;
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
              }
            });
    byte[] body = response.body();
    boolean noBody = "HEAD".equals(method) || body.length == 0;
    exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Runs a shim until the process is stopped: {@code <node URL> [port]}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: RootShim <node URL> [port]");
      System.exit(2);
    }
    RootShim shim = start(args[0], args.length == 2 ? Integer.parseInt(args[1]) : 0);
    System.out.println(shim.url());
    System.out.flush();
    Thread.currentThread().join();
  }
}
