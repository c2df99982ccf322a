package dev.sluice.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: pick a free one, or check that a chosen one is free. */
final class Ports {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Ports() {}

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ElasticsearchStartException("Cannot find a free port on 127.0.0.1: " + e, e);
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void requireFree(int port, String what) {
    if (!isFree(port)) {
      throw new ElasticsearchStartException(
          what
              + " "
              + port
              + " on 127.0.0.1 is already in use by another process; choose another port or"
              + " leave it unset to get a free one");
    }
  }
}
