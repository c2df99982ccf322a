package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    ChildQuery query = new ChildQuery(es, index, input, dataStream);
    assertThat(query.runAndKillAt(first)).as("documents at the first kill").isLessThan(good);
    assertThat(query.runAndKillAt(second)).as("documents at the second kill").isLessThan(good);
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

  /** Runs of one query, each in a new JVM, with the same checkpoint location. */
  private final class ChildQuery {
    private final EsHandle es;
    private final String index;
    private final Path input;
    private final boolean dataStream;
    private int runs;

    ChildQuery(EsHandle es, String index, Path input, boolean dataStream) {
      this.es = es;
      this.index = index;
      this.input = input;
      this.dataStream = dataStream;
    }

    /** Starts a run and kills it with SIGKILL once the index holds {@code documents}. */
    long runAndKillAt(long documents) throws Exception {
      Process child = start();
      try {
        while (child.isAlive()) {
          if (documentsSoFar() >= documents) {
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("killed child exits").isTrue();
            assertThat(child.exitValue()).as("exit status of a SIGKILL").isEqualTo(137);
            es.client().refresh(index);
            return es.client().count(index);
          }
          Thread.sleep(50);
        }
        throw new AssertionError(
            "run " + runs + " ended (" + child.exitValue() + ") before the kill\n" + logTail());
      } finally {
        child.destroyForcibly();
      }
    }

    /**
     * The documents written so far; 0 while a data stream does not exist yet or its first backing
     * index has no shard ready (a 404 or 503 to the count).
     */
    private long documentsSoFar() {
      try {
        return es.client().count(index);
      } catch (IllegalStateException notYet) {
        return 0;
      }
    }

    void runToTheEnd() throws Exception {
      Process child = start();
      try {
        assertThat(child.waitFor(8, TimeUnit.MINUTES)).as("run finishes").isTrue();
        assertThat(child.exitValue()).as("exit status\n" + logTail()).isZero();
        assertThat(Files.readString(log())).contains(StreamingLoadMain.DONE);
      } finally {
        child.destroyForcibly();
      }
    }

    private Process start() throws IOException {
      runs++;
      String classpath = System.getProperty("surefire.test.class.path");
      if (classpath == null) {
        classpath = System.getProperty("java.class.path");
      }
      ProcessBuilder builder =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx1g",
              "-cp",
              classpath,
              StreamingLoadMain.class.getName(),
              es.url(),
              index,
              input.toString(),
              work.toString(),
              dataStream ? "data-stream" : "index");
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      builder.redirectErrorStream(true);
      builder.redirectOutput(log().toFile());
      return builder.start();
    }

    private Path log() {
      return work.resolve("run-" + runs + ".log");
    }

    private String logTail() throws IOException {
      List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
  }
}
