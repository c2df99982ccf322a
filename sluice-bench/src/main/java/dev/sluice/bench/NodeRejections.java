package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.EsTestClient;

/**
 * How often the node itself has refused writes since it started: write thread pool rejections plus
 * indexing pressure rejections (each a refused shard bulk or a whole refused request). The
 * difference over a load says how hard the node pushed back, where a client going through Spark
 * cannot hand over its own counters.
 */
final class NodeRejections {
  private static final String PATH =
      "/_nodes/_local/stats/thread_pool,indexing_pressure?filter_path="
          + "nodes.*.thread_pool.write.rejected,nodes.*.indexing_pressure.memory.total";

  private NodeRejections() {}

  static long read(EsTestClient client) {
    JsonNode node = NodeStats.local(client, PATH);
    JsonNode pressure = node.path("indexing_pressure").path("memory").path("total");
    return node.path("thread_pool").path("write").path("rejected").asLong()
        + pressure.path("coordinating_rejections").asLong()
        + pressure.path("primary_rejections").asLong()
        + pressure.path("replica_rejections").asLong();
  }
}
