package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's acceptance: a streaming query of 200,000 rows in 40 epochs runs in a child JVM, is
 * killed with SIGKILL twice at random moments (the seed is printed) and restarted from its
 * checkpoint location until it ends. The index must hold every good row once and the dead-letter
 * store every bad row once, whichever epoch each kill cut short, and Sluice must have recorded
 * every epoch. The same again into a data stream (op type create, the timestamp from a column).
 */
@ExtendWith(ElasticsearchExtension.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class StreamingKillIT {
  private static final int FILES = 40;
  private static final int ROWS_PER_FILE = 5_000;
  private static final int ROWS = FILES * ROWS_PER_FILE;

  @TempDir Path work;

  static boolean isBad(int row) {
    return row % 997 == 13;
  }

  @Test
  void killedTwiceAtRandomMomentsThenRestartedTheIndexAndDeadLettersAreExact(EsHandle es)
      throws Exception {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    killTwiceThenFinish(es, index, false);
  }

  @Test
  void intoADataStreamKilledTwiceThenRestartedEveryRowIsThereOnce(EsHandle es) throws Exception {
    String stream = "logs-" + es.newIndexName();
    KeyCodeIndex.createDataStreamTemplate(es, stream);
    killTwiceThenFinish(es, stream, true);
  }

  private void killTwiceThenFinish(EsHandle es, String index, boolean dataStream) throws Exception {
    Path input = Files.createDirectories(work.resolve("input"));
    for (int f = 0; f < FILES; f++) {
      writeFile(input, f);
    }
    long seed = System.nanoTime();
    System.out.println("StreamingKillIT seed " + seed);
    Random random = new Random(seed);
    long good = IntStream.range(0, ROWS).filter(r -> !isBad(r)).count();
    long first = good * (5 + random.nextInt(30)) / 100;
    long second = good * (45 + random.nextInt(35)) / 100;

    ChildJvm query =
        new ChildJvm(
            es,
            index,
            work,
            "query",
            StreamingLoadMain.DONE,
            StreamingLoadMain.class,
            es.url(),
            index,
            input.toString(),
            work.toString(),
            dataStream ? "data-stream" : "index");
    assertThat(query.runAndKillWhen(() -> documentsSoFar(es, index) >= first, () -> ""))
        .as("documents at the first kill")
        .isLessThan(good);
    assertThat(query.runAndKillWhen(() -> documentsSoFar(es, index) >= second, () -> ""))
        .as("documents at the second kill")
        .isLessThan(good);
    query.runToTheEnd();

    es.client().refresh(index);
    assertThat(es.client().count(index)).as("documents in the index").isEqualTo(good);
    List<String> badKeys = new ArrayList<>();
    IntStream.range(0, ROWS).filter(StreamingKillIT::isBad).forEach(r -> badKeys.add(key(r)));
    List<String> dead = new ArrayList<>();
    for (DeadLetterRecord r :
        new DeadLetterReader(new LocalFileStorage()).readAll(work.resolve("dead").toString())) {
      dead.add(r.id());
    }
    dead.sort(null);
    assertThat(dead).as("keys in the dead-letter store, each once").isEqualTo(badKeys);
    try (var epochs = Files.list(work.resolve("checkpoint").resolve("sluice").resolve("commits"))) {
      assertThat(epochs.filter(p -> !p.getFileName().toString().startsWith(".")).count())
          .as("epochs Sluice recorded")
          .isEqualTo(FILES);
    }
    assertTheReportReconcilesWithTheIndex(good);
  }

  /**
   * The query's report, rewritten by each epoch of the three runs, counts each row once: every
   * document in the index as indexed, every bad row as dead-lettered, whatever the kills replayed.
   */
  private void assertTheReportReconcilesWithTheIndex(long good) throws IOException {
    JsonNode report =
        new ObjectMapper()
            .readTree(work.resolve("checkpoint").resolve("sluice").resolve("report.json").toFile());
    JsonNode counters = report.path("counters");
    assertThat(report.path("reconciles").asBoolean()).as(report.path("summary").asText()).isTrue();
    assertThat(counters.path("read").asLong()).as("rows read").isEqualTo(ROWS);
    assertThat(counters.path("indexed").asLong()).as("indexed = documents").isEqualTo(good);
    assertThat(counters.path("deadLettered").asLong()).isEqualTo(ROWS - good);
    long perIndex = 0;
    for (JsonNode one : counters.path("byIndex")) {
      perIndex += one.path("indexed").asLong();
    }
    assertThat(perIndex).as("indexed per index, summed").isEqualTo(good);
    assertThat(report.path("checkpoint").asText()).contains(FILES + " epochs committed");
  }

  private static String key(int row) {
    return String.format("k-%07d", row);
  }

  private static void writeFile(Path input, int f) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = f * ROWS_PER_FILE; i < (f + 1) * ROWS_PER_FILE; i++) {
      String code = isBad(i) ? "not-a-number" : Integer.toString(i);
      lines.append("{\"key\":\"").append(key(i)).append("\",\"code\":\"").append(code);
      lines.append("\",\"ts\":\"2026-11-30T10:00:00Z\"}\n");
    }
    Files.writeString(input.resolve(String.format("part-%03d.json", f)), lines);
  }

  /**
   * The documents written so far; 0 while a data stream does not exist yet or its first backing
   * index has no shard ready (a 404 or 503 to the count).
   */
  private static long documentsSoFar(EsHandle es, String index) {
    try {
      return es.client().count(index);
    } catch (IllegalStateException notYet) {
      return 0;
    }
  }
}
