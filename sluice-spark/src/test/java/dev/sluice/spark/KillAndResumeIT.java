package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.TinyWriteQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract point 2 the hard way: a 300,000-row load through Spark runs in a child JVM, is killed
 * with SIGKILL (no shutdown hook, no abort, no final progress write) and resumed from its
 * checkpoint, until a run finishes. Then the index must hold every good row exactly once and the
 * dead-letter store every bad row exactly once.
 */
@ExtendWith(ElasticsearchExtension.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class KillAndResumeIT {
  private static final long ROWS = 300_000;
  private static final int PARTITIONS = 6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void killedEarlyThenInTheMiddleThenResumedToTheEnd(EsHandle es) throws Exception {
    String index = createIndex(es);
    ChildJvm load = childLoad(es, index, "killed-early-and-middle");

    long early = load.runAndKillWhen(() -> es.client().count(index) >= ROWS * 3 / 100, () -> "");
    assertThat(early).as("documents when killed early").isLessThan(ROWS / 2);

    long firstProgress = recordedRows();
    long middle = load.runAndKillWhen(() -> es.client().count(index) >= ROWS / 2, () -> "");
    assertThat(middle).as("documents when killed in the middle").isLessThan(goodRows());
    assertThat(recordedRows())
        .as("settled rows the checkpoint recorded by the second kill")
        .isGreaterThan(firstProgress);

    load.runToTheEnd();
    assertExactlyOnce(es, index);
  }

  @Test
  void killedDuringARetryStormThenResumedToTheEnd(@TinyWriteQueue EsHandle es) throws Exception {
    String index = createIndex(es);
    ChildJvm load = childLoad(es, index, "killed-during-retry-storm");
    RejectionWatch storm = new RejectionWatch(es.client());

    // Killed while Elasticsearch is rejecting writes right now, once a tenth of the rows is in.
    long atKill =
        load.runAndKillWhen(
            () -> storm.rejectingNow() && es.client().count(index) >= ROWS / 10, storm::toString);
    assertThat(atKill).as("documents when killed").isLessThan(goodRows());

    load.runToTheEnd();
    assertExactlyOnce(es, index);
  }

  private static String createIndex(EsHandle es) {
    String index = es.newIndexName();
    // Three shards, so that bulks reach the tiny write queue as several shard-level tasks at once;
    // code is numeric, so the rows carrying 'not-a-number' are rejected by the mapping.
    String body =
        "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":0},"
            + "\"mappings\":{\"properties\":{\"row\":{\"type\":\"long\"},"
            + "\"code\":{\"type\":\"long\"},\"payload\":{\"type\":\"keyword\",\"index\":false,"
            + "\"doc_values\":false}}}}";
    assertThat(es.client().createIndex(index, body).isSuccess()).isTrue();
    return index;
  }

  private static List<Long> badRows() {
    return LongStream.range(0, ROWS).filter(ResumableLoadMain::isBad).boxed().toList();
  }

  private static long goodRows() {
    return ROWS - badRows().size();
  }

  /** Rows all partitions recorded as settled. */
  private long recordedRows() throws IOException {
    Path partitions = work.resolve("checkpoint").resolve("partitions");
    if (!Files.isDirectory(partitions)) {
      return 0;
    }
    long rows = 0;
    try (var files = Files.list(partitions)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        rows += JSON.readTree(file.toFile()).path("rows").asLong();
      }
    }
    return rows;
  }

  private void assertExactlyOnce(EsHandle es, String index) throws IOException {
    EsTestClient client = es.client();
    client.refresh(index);
    List<Long> bad = badRows();

    List<Long> good =
        LongStream.range(0, ROWS).filter(r -> !ResumableLoadMain.isBad(r)).boxed().toList();
    assertThat(client.count(index)).as("documents in the index").isEqualTo(good.size());
    List<Long> indexed = indexedRows(client, index);
    indexed.sort(null);
    assertThat(indexed).as("rows in the index, each once").isEqualTo(good);

    List<DeadLetterRecord> dead =
        new DeadLetterReader(new LocalFileStorage()).readAll(work.resolve("dead").toString());
    List<Long> deadRows = new ArrayList<>();
    for (DeadLetterRecord record : dead) {
      deadRows.add(JSON.readTree(record.source()).path("row").asLong());
      assertThat(record.errorType()).endsWith("parsing_exception");
      assertThat(record.reason()).contains("code");
    }
    deadRows.sort(null);
    assertThat(deadRows).as("rows in the dead-letter store").isEqualTo(bad);

    JsonNode report = JSON.readTree(work.resolve("report.json").toFile());
    assertThat(report.path("reconciles").asBoolean()).as("report reconciles").isTrue();
    assertThat(report.path("counters").path("read").asLong()).isEqualTo(ROWS);
    assertThat(report.path("counters").path("skippedByCheckpoint").asLong())
        .as("rows the last run skipped")
        .isPositive();
  }

  /** The row field of every document, read with a scroll: exact, duplicates included. */
  private static List<Long> indexedRows(EsTestClient client, String index) throws IOException {
    List<Long> rows = new ArrayList<>();
    JsonNode page =
        post(
            client,
            "/" + index + "/_search?scroll=1m",
            "{\"size\":10000,\"_source\":false,\"docvalue_fields\":[\"row\"],"
                + "\"sort\":[\"_doc\"]}");
    while (page.path("hits").path("hits").size() > 0) {
      for (JsonNode hit : page.path("hits").path("hits")) {
        rows.add(hit.path("fields").path("row").path(0).asLong());
      }
      page =
          post(
              client,
              "/_search/scroll",
              "{\"scroll\":\"1m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}");
    }
    client.send(
        "DELETE",
        "/_search/scroll",
        "{\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}",
        "application/json");
    return rows;
  }

  private static JsonNode post(EsTestClient client, String path, String body) throws IOException {
    EsTestClient.Response response = client.send("POST", path, body, "application/json");
    assertThat(response.isSuccess()).as(response.body()).isTrue();
    return JSON.readTree(response.body());
  }

  /** Whether the node rejected writes since the last look, i.e. clients are being throttled now. */
  private static final class RejectionWatch {
    private final EsTestClient client;
    private final long start;
    private long last;

    RejectionWatch(EsTestClient client) {
      this.client = client;
      this.start = rejectedWrites(client);
      this.last = start;
    }

    boolean rejectingNow() {
      long now = rejectedWrites(client);
      boolean rising = now > last;
      last = now;
      return rising;
    }

    @Override
    public String toString() {
      return "write rejections seen: " + (last - start);
    }
  }

  private static long rejectedWrites(EsTestClient client) {
    EsTestClient.Response response = client.get("/_nodes/stats/thread_pool");
    if (!response.isSuccess()) {
      throw new IllegalStateException("node stats: " + response.status() + " " + response.body());
    }
    try {
      long rejected = 0;
      for (JsonNode node : JSON.readTree(response.body()).path("nodes")) {
        rejected += node.path("thread_pool").path("write").path("rejected").asLong();
      }
      return rejected;
    } catch (IOException e) {
      throw new IllegalStateException("node stats: " + response.body(), e);
    }
  }

  private ChildJvm childLoad(EsHandle es, String index, String name) {
    return new ChildJvm(
        es,
        index,
        work,
        name,
        ResumableLoadMain.DONE,
        ResumableLoadMain.class,
        es.url(),
        index,
        String.valueOf(ROWS),
        String.valueOf(PARTITIONS),
        work.toString());
  }
}
