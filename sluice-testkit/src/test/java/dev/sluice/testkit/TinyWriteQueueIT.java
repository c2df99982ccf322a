package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class TinyWriteQueueIT {
  private static final int BULKS = 32;
  private static final int DOCS_PER_BULK = 300;
  private static final int MAX_BURSTS = 5;

  @Test
  void concurrentBulksGetRealRejections(@TinyWriteQueue EsHandle es) throws Exception {
    String index = es.newIndexName();
    assertThat(
            es.client()
                .createIndex(
                    index, "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0}}")
                .status())
        .isEqualTo(200);
    String body = bulkBody();
    int rejections = 0;
    ExecutorService pool = Executors.newFixedThreadPool(BULKS);
    try {
      // Rejection depends on timing; a few bounded bursts make it certain in practice.
      for (int burst = 0; burst < MAX_BURSTS && rejections == 0; burst++) {
        List<Future<EsTestClient.Response>> responses = new ArrayList<>();
        for (int i = 0; i < BULKS; i++) {
          responses.add(pool.submit(() -> es.client().bulk(index, body)));
        }
        for (Future<EsTestClient.Response> response : responses) {
          EsTestClient.Response r = response.get(2, TimeUnit.MINUTES);
          if (r.status() == 429 || r.body().contains("es_rejected_execution_exception")) {
            rejections++;
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rejections).as("bulk responses with a 429 or rejected item").isPositive();
  }

  private static String bulkBody() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < DOCS_PER_BULK; i++) {
      body.append("{\"index\":{}}\n{\"n\":").append(i).append(",\"text\":\"some words\"}\n");
    }
    return body.toString();
  }
}
