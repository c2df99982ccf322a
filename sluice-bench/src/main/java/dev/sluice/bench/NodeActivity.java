package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.EsTestClient;
import java.io.IOException;

/**
 * What the node did during one load, from its own statistics: garbage collection, merging and
 * indexing time. These explain most of the spread in Elasticsearch's CPU from one load of the same
 * documents to the next. Node totals include shards deleted since (Elasticsearch keeps their
 * statistics), so a difference of two snapshots covers the index of one load.
 *
 * @param youngGcs young collections of the node's JVM
 * @param oldGcs old (full) collections
 * @param mergeMillis time merge threads spent, summed over merges
 * @param indexMillis time spent indexing documents, summed over threads
 */
record NodeActivity(
    long youngGcs,
    long youngGcMillis,
    long oldGcs,
    long oldGcMillis,
    long merges,
    long mergeMillis,
    long indexMillis) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH =
      "/_nodes/_local/stats/jvm,indices?filter_path=nodes.*.jvm.gc,nodes.*.indices.merges,"
          + "nodes.*.indices.indexing.index_time_in_millis";

  static NodeActivity read(EsTestClient client) {
    JsonNode node = NodeStats.local(client, PATH);
    JsonNode gc = node.path("jvm").path("gc").path("collectors");
    JsonNode merges = node.path("indices").path("merges");
    return new NodeActivity(
        gc.path("young").path("collection_count").asLong(),
        gc.path("young").path("collection_time_in_millis").asLong(),
        gc.path("old").path("collection_count").asLong(),
        gc.path("old").path("collection_time_in_millis").asLong(),
        merges.path("total").asLong(),
        merges.path("total_time_in_millis").asLong(),
        node.path("indices").path("indexing").path("index_time_in_millis").asLong());
  }

  /** Merges running now, on any index of the node. */
  static long runningMerges(EsTestClient client) {
    EsTestClient.Response response =
        client.get("/_nodes/_local/stats/indices/merge?filter_path=nodes.*.indices.merges.current");
    try {
      return JSON.readTree(response.body())
          .path("nodes")
          .elements()
          .next()
          .path("indices")
          .path("merges")
          .path("current")
          .asLong();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new IllegalStateException("cannot read node merge stats: " + response.body(), e);
    }
  }

  NodeActivity minus(NodeActivity before) {
    return new NodeActivity(
        youngGcs - before.youngGcs,
        youngGcMillis - before.youngGcMillis,
        oldGcs - before.oldGcs,
        oldGcMillis - before.oldGcMillis,
        merges - before.merges,
        mergeMillis - before.mergeMillis,
        indexMillis - before.indexMillis);
  }

  long gcMillis() {
    return youngGcMillis + oldGcMillis;
  }
}
