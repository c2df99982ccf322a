package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import dev.sluice.testkit.TinyWriteQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 documents against the node whose write queue holds one task: Elasticsearch answers real
 * 429s, and the engine retries until every document is indexed, none dead-lettered.
 */
@ExtendWith(ElasticsearchExtension.class)
@Timeout(300)
class ThrottlingIT {
  private static final int DOCS = 200_000;

  /** Loaders sharing the node, each on its own ids, as Spark tasks would. */
  private static final int LOADERS = 2;

  @TempDir Path deadLetterDir;

  @Test
  void everyDocumentIsIndexedDespiteRealRejections(@TinyWriteQueue EsHandle es) throws Exception {
    String index = es.newIndexName();
    assertThat(
            es.client()
                .createIndex(
                    index, "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":0}}")
                .isSuccess())
        .isTrue();
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.batch.size.entries", "2000");
    options.put("sluice.bulk.concurrency", "4");
    options.put("es.batch.write.retry.wait", "50ms");
    options.put("sluice.retry.max.delay", "2s");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    SluiceConfig config = SluiceConfig.fromOptions(options);

    ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
    LoadCounters total = LoadCounters.empty();
    try {
      List<Future<LoadResult>> loads = new ArrayList<>();
      for (int loader = 0; loader < LOADERS; loader++) {
        int first = loader * (DOCS / LOADERS);
        int end = first + DOCS / LOADERS;
        String writerId = "tiny-" + loader;
        loads.add(pool.submit(() -> load(config, writerId, first, end)));
      }
      for (Future<LoadResult> load : loads) {
        LoadResult result = load.get(4, TimeUnit.MINUTES);
        assertThat(result.reconciles()).as(result.reconciliation()).isTrue();
        assertThat(result.deadLetterLocation()).isNull();
        total = total.plus(result.counters());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(total.read()).isEqualTo(DOCS);
    assertThat(total.indexed()).isEqualTo(DOCS);
    assertThat(total.deadLettered()).isZero();
    assertThat(total.throttled()).as("429s and rejected items received").isPositive();
    assertThat(total.retriedItems()).as("documents re-sent").isPositive();
    assertThat(total.created() + total.updated()).isEqualTo(DOCS);

    IndexContents contents = new IndexContents(es.client(), index);
    assertThat(contents.count()).isEqualTo(DOCS);
    List<String> sample =
        IntStream.range(0, DOCS).filter(i -> i % 997 == 0).mapToObj(ThrottlingIT::id).toList();
    assertThat(contents.countOf(sample)).isEqualTo(sample.size());
  }

  private static LoadResult load(SluiceConfig config, String writerId, int first, int end)
      throws InterruptedException {
    BulkLoader loader = BulkLoader.open(config, writerId);
    try {
      for (int i = first; i < end; i++) {
        loader.add(
            Document.of(
                id(i),
                ("{\"n\":" + i + ",\"text\":\"document number " + i + "\"}")
                    .getBytes(StandardCharsets.UTF_8),
                "row " + i));
      }
      return loader.close();
    } catch (RuntimeException | InterruptedException e) {
      loader.abort();
      throw e;
    }
  }

  private static String id(int i) {
    return "doc-" + i;
  }
}
