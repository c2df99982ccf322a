package dev.sluice.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay on 127.0.0.1 in front of an HTTP server. On the first connection it passes the
 * request, then gives the client the response headers and only the first half of the body, and
 * closes the socket: a response cut mid-body, which an HTTP server will not produce on demand.
 * Later connections are relayed unchanged.
 */
final class HalfBodyRelay implements AutoCloseable {
  private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final int upstreamPort;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicBoolean cutNext = new AtomicBoolean(true);

  private HalfBodyRelay(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** {@code upstream} as {@code http://127.0.0.1:port}. */
  static HalfBodyRelay start(String upstream) throws IOException {
    return new HalfBodyRelay(Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1)));
  }

  String address() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        boolean cut = cutNext.getAndSet(false);
        threads.execute(() -> copy(client, upstream));
        threads.execute(() -> respond(upstream, client, cut));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void respond(Socket upstream, Socket client, boolean cut) {
    if (!cut) {
      copy(upstream, client);
      return;
    }
    try (client;
        upstream) {
      InputStream in = upstream.getInputStream();
      ByteArrayOutputStream headers = new ByteArrayOutputStream();
      while (!endsWith(headers.toByteArray(), HEADERS_END)) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        headers.write(b);
      }
      byte[] body = in.readNBytes(contentLength(headers.toString(StandardCharsets.US_ASCII)));
      OutputStream out = client.getOutputStream();
      out.write(headers.toByteArray());
      out.write(body, 0, body.length / 2);
      out.flush();
    } catch (IOException e) {
      // the client or upstream went away: nothing to cut
    }
  }

  private static int contentLength(String headers) throws IOException {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new IOException("no Content-Length in " + headers);
  }

  private static boolean endsWith(byte[] bytes, byte[] suffix) {
    if (bytes.length < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // one side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
