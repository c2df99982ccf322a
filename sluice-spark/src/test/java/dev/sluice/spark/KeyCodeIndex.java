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

  /**
   * An index template that makes {@code name} a data stream on its first write, with the same
   * strict {@code code} and the {@code @timestamp} a data stream needs.
   */
  static void createDataStreamTemplate(EsHandle es, String name) {
    var made =
        es.client()
            .put(
                "/_index_template/" + name,
                "{\"index_patterns\":[\""
                    + name
                    + "\"],\"data_stream\":{},\"priority\":500,\"template\":{"
                    + "\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                    + "\"mappings\":{\"properties\":{\"key\":{\"type\":\"keyword\"},"
                    + "\"code\":{\"type\":\"long\"},\"@timestamp\":{\"type\":\"date\"}}}}}");
    assertThat(made.isSuccess()).as(made.body()).isTrue();
  }
}
