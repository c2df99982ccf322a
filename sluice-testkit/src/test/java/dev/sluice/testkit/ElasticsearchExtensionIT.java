package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchExtensionIT {
  @Test
  void injectsOneSharedNodeAndUniqueIndexNames(
      EsHandle es, LocalElasticsearch node, EsTestClient client) {
    assertThat(es.node()).isSameAs(node);
    String first = es.newIndexName();
    String second = es.newIndexName();
    assertThat(first).isNotEqualTo(second).startsWith("t-elasticsearchextensionit-injects");
    String docs =
        "{\"index\":{\"_id\":\"1\"}}\n{\"a\":1}\n{\"index\":{\"_id\":\"2\"}}\n{\"a\":2}\n";
    assertThat(client.bulk(first, docs).body()).contains("\"errors\":false");
    client.refresh(first);
    assertThat(client.count(first)).isEqualTo(2);
  }

  @Test
  void theNodeIsSharedBetweenTests(LocalElasticsearch node, EsHandle es) {
    assertThat(node.isRunning()).isTrue();
    assertThat(es.url()).isEqualTo(node.httpUrl());
  }
}
