package dev.sluice.bench;

import dev.sluice.testkit.EsTestClient;

/**
 * A fresh index per load, with what bulk loads are usually given (one shard, no replica, no refresh
 * while loading), and the check that every document arrived.
 */
final class BenchIndex {
  private final EsTestClient client;

  BenchIndex(EsTestClient client) {
    this.client = client;
  }

  /** Deletes {@code index} if it exists and creates it empty. */
  void recreate(String index) {
    client.delete("/" + index); // 404 when absent: fine
    require(
        client.createIndex(
            index,
            "{\"settings\":{\"index\":{\"number_of_shards\":1,\"number_of_replicas\":0,"
                + "\"refresh_interval\":\"-1\"}},\"mappings\":"
                + DocumentGenerator.MAPPING
                + "}"),
        "create index " + index);
  }

  /** Restores the default refresh interval, refreshes, and fails unless {@code expected} are in. */
  void verify(String index, long expected) {
    require(
        client.put("/" + index + "/_settings", "{\"index\":{\"refresh_interval\":null}}"),
        "restore refresh_interval of " + index);
    require(client.refresh(index), "refresh " + index);
    long count = client.count(index);
    if (count != expected) {
      throw new IllegalStateException(
          "COUNT MISMATCH in " + index + ": expected " + expected + " documents, found " + count);
    }
  }

  void delete(String index) {
    client.delete("/" + index);
  }

  private static void require(EsTestClient.Response response, String what) {
    if (!response.isSuccess()) {
      throw new IllegalStateException(
          what + " failed: " + response.status() + " " + response.body());
    }
  }
}
