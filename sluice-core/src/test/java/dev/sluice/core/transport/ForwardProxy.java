package dev.sluice.core.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny forward proxy on 127.0.0.1: forwards absolute-URI requests ({@code POST http://host/...})
 * to their host, tunnels {@code CONNECT host:port}, answers 407 when the Proxy-Authorization is not
 * the expected one, and records each request line with the Proxy-Authorization it carried.
 */
final class ForwardProxy implements AutoCloseable {
  /** One request as the proxy saw it; {@code proxyAuthorization} null when absent. */
  record Seen(String requestLine, String proxyAuthorization) {}

  private final ServerSocket server;
  private final String expected;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  /**
   * @param expectedAuthorization the Proxy-Authorization to require, or null for none
   */
  ForwardProxy(String expectedAuthorization) throws IOException {
    this.expected = expectedAuthorization;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        pool.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        Map<String, String> headers = headers(in);
        String auth = headers.get("proxy-authorization");
        seen.add(new Seen(requestLine, auth));
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        if (expected != null && !expected.equals(auth)) {
          out.write(
              ("HTTP/1.1 407 Proxy Authentication Required\r\n"
                      + "Proxy-Authenticate: Basic realm=\"sluice-test\"\r\nContent-Length: 0\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          continue;
        }
        String[] parts = requestLine.split(" ");
        if (parts[0].equals("CONNECT")) {
          tunnel(parts[1], in, out);
          return;
        }
        // The node's answer goes back as it came, without "Connection: close", so the client may
        // keep this connection for its next request: serve it rather than close under it.
        forward(parts[0], URI.create(parts[1]), headers, body, out);
      }
    } catch (IOException e) {
      // the client or the target went away: nothing to record
    }
  }

  private void tunnel(String target, InputStream in, OutputStream out) throws IOException {
    String[] hostPort = target.split(":");
    try (Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      pool.execute(() -> pump(upstream, out));
      in.transferTo(upstream.getOutputStream());
    }
  }

  private void pump(Socket upstream, OutputStream out) {
    try {
      upstream.getInputStream().transferTo(out);
    } catch (IOException e) {
      // one side closed
    }
  }

  private static void forward(
      String method, URI uri, Map<String, String> headers, byte[] body, OutputStream out)
      throws IOException {
    try (Socket upstream = new Socket(uri.getHost(), uri.getPort())) {
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(uri.getRawPath());
      if (uri.getRawQuery() != null) {
        head.append('?').append(uri.getRawQuery());
      }
      head.append(" HTTP/1.1\r\n");
      headers.forEach(
          (name, value) -> {
            if (!name.startsWith("proxy-") && !name.equals("connection")) {
              head.append(name).append(": ").append(value).append("\r\n");
            }
          });
      head.append("connection: close\r\n\r\n");
      OutputStream up = upstream.getOutputStream();
      up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      up.write(body);
      up.flush();
      upstream.getInputStream().transferTo(out);
    }
  }

  private static Map<String, String> headers(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new IOException("this test proxy needs a Content-Length");
    }
    return headers;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
