package dev.sluice.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.testkit.proxy.BulkBody;
import dev.sluice.testkit.proxy.BulkItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/**
 * A fake {@code _bulk} endpoint on 127.0.0.1 that answers from a script and records what it got.
 */
final class ScriptedBulkServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One bulk item as received: op, _id, the source line (null for delete), the action line. */
  record Item(String op, String id, String source, String action) {}

  /**
   * One request as received, numbered from 1 in arrival order; {@code contentEncoding} is its
   * Content-Encoding header, or null.
   */
  record Received(int number, List<Item> items, String contentEncoding) {
    List<String> ids() {
      return items.stream().map(Item::id).toList();
    }
  }

  /** What to answer. {@code cut} closes the connection without any response. */
  record Reply(int status, String body, boolean cut, long delayMillis) {
    static Reply json(int status, String body) {
      return new Reply(status, body, false, 0);
    }

    static Reply connectionCut() {
      return new Reply(0, null, true, 0);
    }

    Reply delayed(long millis) {
      return new Reply(status, body, cut, millis);
    }
  }

  /** The request line and headers of one request, in arrival order (names in lower case). */
  record Seen(String method, String uri, Map<String, String> headers) {}

  @FunctionalInterface
  interface Script {
    Reply answer(Received request);
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger counter = new AtomicInteger();
  private final Script script;

  private ScriptedBulkServer(Script script) throws IOException {
    this.script = script;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static ScriptedBulkServer start(Script script) throws IOException {
    return new ScriptedBulkServer(script);
  }

  String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> requests() {
    return List.copyOf(received);
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Every item received, all requests, in order. */
  List<Item> allItems() {
    List<Item> items = new ArrayList<>();
    received.forEach(r -> items.addAll(r.items()));
    return items;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers));
    try {
      Received request =
          new Received(
              counter.incrementAndGet(),
              parse(exchange),
              exchange.getRequestHeaders().getFirst("Content-Encoding"));
      received.add(request);
      Reply reply = script.answer(request);
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      if (reply.cut()) {
        exchange.close(); // no status line, no body: the client sees the connection cut
        return;
      }
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (RuntimeException e) {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
      throw e;
    }
  }

  private static List<Item> parse(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if ("gzip".equalsIgnoreCase(encoding)) {
      in = new GZIPInputStream(in);
    }
    List<Item> items = new ArrayList<>();
    for (BulkItem item : BulkBody.parse(in.readAllBytes())) {
      String lines = new String(item.bytes(), StandardCharsets.UTF_8);
      items.add(
          new Item(
              item.action(), item.id(), source(item), lines.substring(0, lines.indexOf('\n'))));
    }
    return items;
  }

  /** The source line of an item, without its newline; null for a delete, which has none. */
  private static String source(BulkItem item) {
    String lines = new String(item.bytes(), StandardCharsets.UTF_8);
    int actionEnd = lines.indexOf('\n');
    return actionEnd == lines.length() - 1
        ? null
        : lines.substring(actionEnd + 1, lines.length() - 1);
  }

  /** A bulk response; {@code itemStatus.apply(i)} gives each item's JSON or null for success. */
  static String bulkResponse(Received request, IntFunction<String> failure) {
    StringBuilder sb = new StringBuilder("{\"took\":3,\"errors\":false,\"items\":[");
    for (int i = 0; i < request.items().size(); i++) {
      Item item = request.items().get(i);
      String op = item.op();
      String error = failure.apply(i);
      sb.append(i == 0 ? "" : ",").append("{\"").append(op).append("\":{\"_index\":\"test\",");
      sb.append("\"_id\":").append(item.id() == null ? "\"gen" + i + "\"" : quote(item.id()));
      if (error == null) {
        sb.append(",\"_version\":1,\"result\":\"created\",\"status\":201}}");
      } else {
        sb.append(",").append(error).append("}}");
      }
    }
    return sb.append("]}").toString();
  }

  static String allCreated(Received request) {
    return bulkResponse(request, i -> null);
  }

  static String itemError(int status, String type, String reason) {
    return "\"status\":"
        + status
        + ",\"error\":{\"type\":\""
        + type
        + "\",\"reason\":\""
        + reason
        + "\"}";
  }

  static String requestError(int status, String type, String reason) {
    return "{\"error\":{\"root_cause\":[{\"type\":\""
        + type
        + "\",\"reason\":\""
        + reason
        + "\"}],\"type\":\""
        + type
        + "\",\"reason\":\""
        + reason
        + "\"},\"status\":"
        + status
        + "}";
  }

  private static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
