package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 documents into a strict mapping on the real node: the good ones are indexed, the bad ones
 * dead-lettered with Elasticsearch's own reason; and a load where every document is bad stops
 * early.
 */
@ExtendWith(ElasticsearchExtension.class)
@Timeout(300)
class MappingRejectionIT {
  private static final int DOCS = 200_000;
  private static final int BAD_EVERY = 997;
  private static final String STRICT_INDEX =
      "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
          + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
          + "\"n\":{\"type\":\"integer\"},\"text\":{\"type\":\"keyword\"}}}}";

  @TempDir Path deadLetterDir;

  @Test
  void goodDocumentsAreIndexedAndExactlyTheBadOnesAreDeadLetteredWithTheRealReason(EsHandle es)
      throws Exception {
    String index = createStrictIndex(es);
    Map<String, String> options = options(es.url(), index);
    // 201 bad documents of 200,000; allow them explicitly rather than rely on the default ratio.
    options.put("sluice.deadletter.max.count", "1000");
    BulkLoader loader = BulkLoader.open(SluiceConfig.fromOptions(options), "mapping");
    LoadResult result;
    try {
      for (int i = 0; i < DOCS; i++) {
        loader.add(Document.of(id(i), isBad(i) ? badSource(i) : goodSource(i), "row " + i));
      }
      result = loader.close();
    } catch (RuntimeException | InterruptedException e) {
      loader.abort();
      throw e;
    }

    Set<String> badIds =
        IntStream.range(0, DOCS)
            .filter(MappingRejectionIT::isBad)
            .mapToObj(MappingRejectionIT::id)
            .collect(Collectors.toSet());
    int good = DOCS - badIds.size();
    assertThat(badIds).hasSize(201);

    LoadCounters c = result.counters();
    assertThat(c.read()).isEqualTo(DOCS);
    assertThat(c.indexed()).isEqualTo(good);
    assertThat(c.created()).isEqualTo(good);
    assertThat(c.deadLettered()).isEqualTo(badIds.size());
    assertThat(c.deadLetteredByReason())
        .containsExactly(Map.entry("document_parsing_exception", (long) badIds.size()));
    assertThat(c.retriedItems()).isZero();
    assertThat(result.reconciles()).isTrue();

    IndexContents contents = new IndexContents(es.client(), index);
    assertThat(contents.count()).isEqualTo(good);
    assertThat(contents.countOf(badIds)).isZero();
    List<String> goodSample =
        IntStream.range(0, DOCS)
            .filter(i -> !isBad(i) && i % 1009 == 0)
            .mapToObj(MappingRejectionIT::id)
            .toList();
    assertThat(contents.countOf(goodSample)).isEqualTo(goodSample.size());

    List<DeadLetterRecord> dead =
        new DeadLetterReader(new LocalFileStorage()).readAll(result.deadLetterLocation());
    assertThat(dead).hasSize(badIds.size());
    assertThat(dead.stream().map(DeadLetterRecord::id).collect(Collectors.toSet()))
        .isEqualTo(badIds);
    assertThat(dead)
        .allSatisfy(
            r -> {
              int i = Integer.parseInt(r.id().substring("doc-".length()));
              assertThat(r.index()).isEqualTo(index);
              assertThat(r.op()).isEqualTo("index");
              assertThat(r.status()).isEqualTo(400);
              assertThat(r.errorType()).isEqualTo("document_parsing_exception");
              assertThat(r.reason())
                  .contains("failed to parse field [n] of type [integer]")
                  .contains(r.id());
              assertThat(r.attempts()).isEqualTo(1);
              assertThat(r.position()).isEqualTo("row " + i);
              assertThat(r.source()).isEqualTo(badSource(i));
            });
  }

  @Test
  void oneBadMappingStopsTheLoadEarlyWithTheDefaultTolerance(EsHandle es) throws Exception {
    String index = createStrictIndex(es);
    BulkLoader loader =
        BulkLoader.open(SluiceConfig.fromOptions(options(es.url(), index)), "all-bad");
    Throwable stopped =
        catchThrowable(
            () -> {
              for (int i = 0; i < DOCS; i++) {
                loader.add(Document.of(id(i), badSource(i), "row " + i));
              }
              loader.close();
            });

    assertThat(stopped)
        .as("the load must stop on the dead-letter tolerance")
        .isInstanceOf(DeadLetterToleranceException.class)
        .hasMessageContaining("document_parsing_exception")
        .hasMessageContaining("sluice.deadletter.max.ratio");
    // close() after the failure reports the same failure.
    assertThatThrownBy(loader::close).isInstanceOf(DeadLetterToleranceException.class);

    LoadCounters c = loader.counters();
    // Every bad document has the same NDJSON size, so bytes sent say how many were sent.
    long perDocument = bulkLineBytes(index, 0);
    long sent = c.bytesSent() / perDocument;
    assertThat(c.bytesSent() % perDocument).isZero();
    assertThat(sent).as("documents sent before stopping").isPositive().isLessThan(DOCS / 4);
    assertThat(c.indexed()).isZero();
    assertThat(c.deadLettered()).isPositive().isLessThanOrEqualTo(sent);
    assertThat(new IndexContents(es.client(), index).count()).isZero();
    // What was dead-lettered before stopping is in the store, not lost.
    String location = deadLetterDir.resolve("all-bad.ndjson").toString();
    assertThat(new DeadLetterReader(new LocalFileStorage()).readAll(location))
        .hasSize((int) c.deadLettered());
  }

  private static String createStrictIndex(EsHandle es) {
    String index = es.newIndexName();
    assertThat(es.client().createIndex(index, STRICT_INDEX).isSuccess()).isTrue();
    return index;
  }

  /** Default batching, retries and tolerance: only the target and the dead-letter directory. */
  private Map<String, String> options(String url, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", url);
    options.put("es.resource", index);
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    return options;
  }

  private static boolean isBad(int i) {
    return i % BAD_EVERY == 0;
  }

  /** Fixed width, so every document of a kind has the same size. */
  private static String id(int i) {
    return String.format("doc-%06d", i);
  }

  private static byte[] goodSource(int i) {
    return ("{\"n\":" + i + ",\"text\":\"t" + i + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** A string where the mapping wants an integer. */
  private static byte[] badSource(int i) {
    return String.format("{\"n\":\"x%06d\",\"text\":\"t\"}", i).getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes one bad document takes in a bulk body: action line, source line. */
  private static long bulkLineBytes(String index, int i) {
    String action = "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + id(i) + "\"}}\n";
    return action.getBytes(StandardCharsets.UTF_8).length + badSource(i).length + 1;
  }
}
