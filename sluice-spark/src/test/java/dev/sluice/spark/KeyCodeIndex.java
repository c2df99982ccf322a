package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.EsHandle;

/**
 * The index the Spark ITs load rows of {@code key} and {@code code} into: one shard, strict types.
 */
final class KeyCodeIndex {
  private KeyCodeIndex() {}

  /** A {@code code} that is not a number is rejected by the mapping: a dead letter. */
  static void create(EsHandle es, String index) {
    String mapping =
        "{\"mappings\":{\"properties\":{\"key\":{\"type\":\"keyword\"},"
            + "\"code\":{\"type\":\"long\"}}},"
            + "\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}";
    assertThat(es.client().createIndex(index, mapping).isSuccess()).isTrue();
  }
}
