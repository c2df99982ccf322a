package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalElasticsearchIT {
  @Test
  void startsIndexesReadsBackAndStopsEveryProcessItStarted() {
    LocalElasticsearch node =
        LocalElasticsearch.start(NodeSpec.builder().name("lifecycle").build());
    List<ProcessHandle> tree;
    try {
      assertThat(node.httpUrl()).startsWith("http://127.0.0.1:");
      EsTestClient client = EsTestClient.forNode(node);
      assertThat(client.index("books", "1", "{\"title\":\"Dune\"}").status()).isEqualTo(201);
      EsTestClient.Response read = client.get("/books/_doc/1");
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.body()).contains("\"title\":\"Dune\"");
      assertThat(client.count("books")).isEqualTo(1);
      tree = node.processHandle().descendants().toList();
      assertThat(tree).as("the server JVM runs below the launched process").isNotEmpty();
    } finally {
      node.stop();
    }
    assertThat(ProcessHandle.of(node.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(node.nodeDirectory()).doesNotExist();
  }
}
