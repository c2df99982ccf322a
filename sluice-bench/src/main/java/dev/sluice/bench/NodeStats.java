package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.EsTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the one local node's statistics, for the benchmarks' figures about the node. */
final class NodeStats {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NodeStats() {}

  /** The local node's object in the answer to {@code path}, a {@code _nodes/_local/stats} query. */
  static JsonNode local(EsTestClient client, String path) {
    EsTestClient.Response response = client.get(path);
    if (!response.isSuccess()) {
      throw new IllegalStateException(
          "GET node stats answered " + response.status() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body()).path("nodes").elements().next();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read node stats: " + response.body(), e);
    }
  }
}
