package dev.sluice.bench;

import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.LocalElasticsearch;
import java.time.Duration;

/**
 * The index every {@code bin/bench-spark} load writes into on one node: created fresh before each
 * load on a settled node (1 shard, 0 replicas, no refresh while loading, the events' mapping), and
 * counted after it.
 */
final class SparkTarget {
  static final String INDEX = "bench-spark";

  private final EsTestClient client;
  private final NodeSettler settler;

  SparkTarget(LocalElasticsearch node) {
    this.client = EsTestClient.forNode(node);
    this.settler = new NodeSettler(client, node.processHandle(), Duration.ofSeconds(60));
  }

  EsTestClient client() {
    return client;
  }

  /** Deletes the index, waits for the node to settle, and creates the index empty. */
  void prepare() throws InterruptedException {
    settler.settle(INDEX);
    require(
        client.createIndex(
            INDEX,
            "{\"settings\":{\"index\":{\"number_of_shards\":1,\"number_of_replicas\":0,"
                + "\"refresh_interval\":\"-1\"}},\"mappings\":"
                + LogEvents.MAPPING
                + "}"),
        "create " + INDEX);
  }

  /** Refreshes the index, as a connector does at the end of its load by default. */
  void refresh(String what) {
    require(client.refresh(INDEX), "refresh after " + what);
  }

  /** Restores refresh, refreshes, and counts the documents of the load {@code what}. */
  long count(String what) {
    require(
        client.put("/" + INDEX + "/_settings", "{\"index\":{\"refresh_interval\":null}}"), what);
    require(client.refresh(INDEX), "refresh after " + what);
    return client.count(INDEX);
  }

  private static void require(EsTestClient.Response response, String what) {
    if (!response.isSuccess()) {
      throw new IllegalStateException(
          what + " failed: " + response.status() + " " + response.body());
    }
  }
}
