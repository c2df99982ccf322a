package dev.sluice.testkit.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in for Elasticsearch that records what it received. {@code _bulk} requests get a
 * realistic bulk response built from their NDJSON, read by the testkit's own {@link BulkBody} (gzip
 * response if the client accepts it), or {@link #MALFORMED_STATUS} when the body is not bulk
 * NDJSON; every other request gets {@link #OTHER_STATUS} with {@link #OTHER_BODY} and an {@code
 * X-Upstream} header.
 */
final class FakeUpstream implements AutoCloseable {
  static final int OTHER_STATUS = 201;
  static final byte[] OTHER_BODY = allByteValues();
  static final int MALFORMED_STATUS = 400;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Received(
      String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicLong seqNo = new AtomicLong();

  FakeUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The {@code _id}s of every bulk item received, in order of arrival. */
  List<String> receivedBulkIds() {
    List<String> ids = new ArrayList<>();
    for (Received request : received) {
      if (request.pathAndQuery().contains("_bulk")) {
        BulkBody.parse(request.body()).forEach(item -> ids.add(item.id()));
      }
    }
    return ids;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String pathAndQuery = exchange.getRequestURI().getRawPath();
      if (exchange.getRequestURI().getRawQuery() != null) {
        pathAndQuery += "?" + exchange.getRequestURI().getRawQuery();
      }
      received.add(
          new Received(
              exchange.getRequestMethod(),
              pathAndQuery,
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      if (exchange.getRequestURI().getRawPath().endsWith("/_bulk")) {
        answerBulk(exchange, body);
      } else {
        exchange.getResponseHeaders().add("X-Upstream", "fake");
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(OTHER_STATUS, OTHER_BODY.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(OTHER_BODY);
        }
      }
    } finally {
      exchange.close();
    }
  }

  private void answerBulk(HttpExchange exchange, byte[] body) throws IOException {
    boolean gzipRequest =
        "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    String pathIndex = exchange.getRequestURI().getRawPath().split("/")[1];
    ObjectNode response = JSON.createObjectNode();
    response.put("took", 1);
    response.put("errors", false);
    ArrayNode items = response.putArray("items");
    List<BulkItem> parsed;
    try {
      parsed = BulkBody.parse(gzipRequest ? gunzip(body) : body);
    } catch (IllegalArgumentException e) {
      send(exchange, MALFORMED_STATUS, malformed(e.getMessage()));
      return;
    }
    for (BulkItem item : parsed) {
      String action = item.action();
      ObjectNode result = JSON.createObjectNode();
      result.put("_index", item.index() != null ? item.index() : pathIndex);
      result.put("_id", item.id() != null ? item.id() : "auto-" + seqNo.get());
      result.put("_version", 1);
      result.put(
          "result",
          action.equals("delete") ? "deleted" : action.equals("update") ? "updated" : "created");
      ObjectNode shards = result.putObject("_shards");
      shards.put("total", 1).put("successful", 1).put("failed", 0);
      result.put("_seq_no", seqNo.getAndIncrement());
      result.put("_primary_term", 1);
      result.put("status", action.equals("index") || action.equals("create") ? 201 : 200);
      items.addObject().set(action, result);
    }
    byte[] bytes = JSON.writeValueAsBytes(response);
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      bytes = gzip(bytes);
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    send(exchange, 200, bytes);
  }

  private static void send(HttpExchange exchange, int status, byte[] json) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** What Elasticsearch answers to a {@code _bulk} body it cannot read. */
  static byte[] malformed(String reason) throws IOException {
    ObjectNode error = JSON.createObjectNode();
    error.putObject("error").put("type", "illegal_argument_exception").put("reason", reason);
    error.put("status", MALFORMED_STATUS);
    return JSON.writeValueAsBytes(error);
  }

  /** JDK gzip, apart from the proxy's own {@link Gzip}, so a test does not check it with itself. */
  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private static byte[] allByteValues() {
    byte[] bytes = new byte[512];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
