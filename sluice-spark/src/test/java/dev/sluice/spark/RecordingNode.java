package dev.sluice.spark;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A fake node for the driver's small requests: records each as "METHOD /path Authorization" and
 * answers, without a body, the status {@code statusOfPath} gives for its path.
 */
final class RecordingNode implements AutoCloseable {
  private final HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private RecordingNode(HttpServer server) {
    this.server = server;
  }

  static RecordingNode start(ToIntFunction<String> statusOfPath) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    RecordingNode node = new RecordingNode(server);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          node.seen.add(
              exchange.getRequestMethod()
                  + " "
                  + path
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.sendResponseHeaders(statusOfPath.applyAsInt(path), -1);
          exchange.close();
        });
    server.start();
    return node;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The requests so far, in order. */
  List<String> seen() {
    return seen;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
