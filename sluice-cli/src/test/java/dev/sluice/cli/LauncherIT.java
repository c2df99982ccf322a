package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/sluice} launcher, run from the project root as a user would: NDJSON, CSV and
 * Parquet loads end exact; a load killed with SIGKILL half way is finished by {@code sluice resume}
 * without a lost or duplicated document; bad rows are inspected, the mapping fixed and the rows
 * replayed into an exact index; and every exit code but 130 ({@link CancelIT}) comes out of it.
 */
@ExtendWith(ElasticsearchExtension.class)
class LauncherIT {
  /** Failsafe runs in the module's directory; the launcher lives at the project root. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final int ROWS = 500;
  private static final int KILLED_ROWS = 200_000;
  private static final String INTEGER_N =
      """
      {"mappings":{"properties":{"id":{"type":"keyword"},"n":{"type":"integer"}}},
       "settings":{"number_of_shards":1,"number_of_replicas":0}}
      """;

  @TempDir Path dir;
  private int launches;

  @Test
  void ndjsonLoadsExactly(EsHandle es) throws Exception {
    Path input =
        CliFixtures.lines(
            dir.resolve("rows.json"), ROWS, i -> "{\"id\":\"j" + i + "\",\"n\":" + i + "}");
    assertLoadsExactly(es, input, ROWS);
  }

  @Test
  void csvLoadsExactly(EsHandle es) throws Exception {
    Path input =
        CliFixtures.lines(
            dir.resolve("rows.csv"),
            ROWS + 1,
            i -> i == 0 ? "id,n,name" : "c" + i + "," + i + ",name " + i);
    assertLoadsExactly(es, input, ROWS);
  }

  @Test
  void parquetLoadsExactly(EsHandle es) throws Exception {
    Path input = dir.resolve("rows.parquet");
    SparkSession spark = LocalSpark.start("launcher-it-parquet");
    try {
      spark
          .range(ROWS)
          .selectExpr("concat('p', id) AS id", "id AS n", "id * 0.5 AS amount")
          .repartition(2)
          .write()
          .parquet(input.toString());
    } finally {
      spark.stop();
    }
    assertLoadsExactly(es, input, ROWS);
  }

  @Test
  void killedWithSigkillHalfWayThenResumedEndsExact(EsHandle es) throws Exception {
    Path input = CliFixtures.lines(dir.resolve("many.json"), KILLED_ROWS, CancelIT::paddedRow);
    String index = es.newIndexName();
    Path log = dir.resolve("load.out");
    Process load =
        load(es.url(), index, input, CancelIT.SLOW_LOAD)
            .redirectOutput(log.toFile())
            .redirectError(dir.resolve("load.err").toFile())
            .start();
    Path run = CancelIT.awaitRunDirectory(log, load);
    CheckpointProgress progress = new CheckpointProgress(run.resolve("checkpoint").toString());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (progress.get().rows() == 0 && load.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(load.isAlive()).as("the load is still running when killed").isTrue();
    ProcessHandle jvm = javaOf(load);
    assertThat(jvm.destroyForcibly()).isTrue();
    assertThat(load.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(load.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    es.client().refresh(index);
    assertThat(es.client().count(index)).as("killed half way").isLessThan(KILLED_ROWS);

    Ended resumed =
        Ended.of(
            // The rest at an ordinary pace: the small requests were only to be caught mid-way.
            sluice(
                "resume",
                run.toString(),
                "--quiet",
                "-o",
                "es.batch.size.entries=2000",
                "-o",
                "sluice.bulk.concurrency=2"),
            dir.resolve("resume"));
    assertThat(resumed.exit()).as(resumed.printed()).isZero();
    assertThat(resumed.printed()).containsPattern("skipped by the checkpoint [1-9]");
    assertThat(CliFixtures.count(es, index)).isEqualTo(KILLED_ROWS);
  }

  @Test
  void badRowsAreInspectedThenTheMappingFixedAndTheReplayEndsExact(EsHandle es) throws Exception {
    String index = es.newIndexName();
    assertThat(es.client().createIndex(index, INTEGER_N).isSuccess()).isTrue();
    // Every 50th row has a number the integer field refuses.
    Path input =
        CliFixtures.lines(
            dir.resolve("conflict.json"),
            ROWS,
            i -> "{\"id\":\"m" + i + "\",\"n\":" + (i % 50 == 7 ? "\"n/a\"" : i) + "}");
    Ended load = Ended.of(load(es.url(), index, input, "--quiet"), dir.resolve("conflict"));
    assertThat(load.exit()).as(load.printed()).isEqualTo(3);
    Path deadLetters = CliRun.runDirectoryIn(load.printed()).resolve("deadletter");

    Ended inspect =
        Ended.of(sluice("dead-letters", "inspect", deadLetters.toString()), dir.resolve("inspect"));
    assertThat(inspect.exit()).as(inspect.printed()).isZero();
    assertThat(inspect.printed())
        .contains("10 dead letters in " + deadLetters)
        .contains("by index: " + index + " 10")
        .containsPattern("by reason: \\w+_exception 10")
        .contains("\"n\":\"n/a\"");

    // The fix a user can make in place: the field keeps what it can index, ignores the rest.
    CliFixtures.putMapping(
        es, index, "{\"properties\":{\"n\":{\"type\":\"integer\",\"ignore_malformed\":true}}}");
    Ended replay =
        Ended.of(sluice("dead-letters", "replay", deadLetters.toString()), dir.resolve("replay"));
    assertThat(replay.exit()).as(replay.printed()).isZero();
    assertThat(replay.printed()).contains("10 sent, 10 indexed, 0 dead-lettered again");
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS);
    assertThat(ids(es, index))
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, ROWS).mapToObj(i -> "m" + i).toList());
    assertThat(CliFixtures.deadLetters(deadLetters)).hasSize(10); // kept, marked replayed
    assertThat(deadLetters.resolve(ReplayMarker.FILE)).exists();

    Ended again =
        Ended.of(sluice("dead-letters", "replay", deadLetters.toString()), dir.resolve("again"));
    assertThat(again.exit()).as(again.printed()).isZero();
    assertThat(again.printed()).contains("Nothing sent");
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS);
  }

  private static List<String> ids(EsHandle es, String index) throws Exception {
    JsonNode hits =
        new ObjectMapper()
            .readTree(
                es.client()
                    .get("/" + index + "/_search?size=" + (ROWS + 1) + "&_source=false")
                    .body())
            .path("hits")
            .path("hits");
    List<String> ids = new ArrayList<>();
    hits.forEach(hit -> ids.add(hit.path("_id").asText()));
    return ids;
  }

  @Test
  void aBadOptionIsExitCodeTwoAndAnUnreachableClusterOne(EsHandle es) throws Exception {
    Path input = oneMalformedLine();
    Ended badOption = load(es, es.url(), input, "-o", "es.batch.size.entries=lots");
    assertThat(badOption.exit()).as(badOption.printed()).isEqualTo(2);
    assertThat(badOption.printed()).contains("es.batch.size.entries");

    Ended unreachable = load(es, "http://127.0.0.1:1", input);
    assertThat(unreachable.exit()).as(unreachable.printed()).isEqualTo(1);
    assertThat(unreachable.printed()).contains("Cannot reach Elasticsearch at http://127.0.0.1:1");
  }

  @Test
  void aMalformedLineIsExitCodeThreeAndBeyondTheToleranceFour(EsHandle es) throws Exception {
    Path input = oneMalformedLine();
    Ended deadLettered = load(es, es.url(), input);
    assertThat(deadLettered.exit()).as(deadLettered.printed()).isEqualTo(3);
    assertThat(deadLettered.printed()).contains("dead letters  1 in ");

    Ended stopped = load(es, es.url(), input, "-o", "sluice.deadletter.max.count=0");
    assertThat(stopped.exit()).as(stopped.printed()).isEqualTo(4);
    assertThat(stopped.printed()).contains("sluice.deadletter.max.count");
  }

  private Path oneMalformedLine() throws Exception {
    Path input = dir.resolve("one-bad.json");
    Files.writeString(input, "{\"id\":\"a\"}\n{\"id\":\"b\", not json\n{\"id\":\"c\"}\n");
    return input;
  }

  /** {@code sluice load} of {@code input} into a new index, quiet, to its end. */
  private Ended load(EsHandle es, String url, Path input, String... options) throws Exception {
    List<String> quiet = new ArrayList<>(List.of(options));
    quiet.add("--quiet");
    return Ended.of(
        load(url, es.newIndexName(), input, quiet.toArray(String[]::new)),
        dir.resolve("run-" + ++launches));
  }

  /** {@code sluice load} of {@code input} into {@code index}, ids from the id field. */
  private ProcessBuilder load(String url, String index, Path input, String... options) {
    return sluice(CliFixtures.loadArgs(url, input, index, dir.resolve("out"), options));
  }

  private void assertLoadsExactly(EsHandle es, Path input, long rows) throws Exception {
    String index = es.newIndexName();
    Ended load = Ended.of(load(es.url(), index, input, "--quiet"), dir.resolve("load"));
    assertThat(load.exit()).as(load.printed()).isZero();
    assertThat(load.printed())
        .containsPattern("read " + String.format("%,d", rows) + ", indexed ")
        .contains("report.html")
        .contains("exit 0");
    assertThat(CliFixtures.count(es, index)).isEqualTo(rows);
  }

  /** {@code bin/sluice ARGS} started from the project root. */
  private static ProcessBuilder sluice(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("bin/sluice").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    // Two small JVMs at most at once on a shared machine.
    builder.environment().put("SLUICE_HEAP", "1g");
    return builder;
  }

  /**
   * The launcher's JVM: bin/sluice ends by exec-ing java, so it is usually the process itself; a
   * launcher that forked instead would have it as a descendant.
   */
  private static ProcessHandle javaOf(Process launcher) {
    Optional<ProcessHandle> jvm =
        launcher.toHandle().info().command().filter(LauncherIT::isJava).isPresent()
            ? Optional.of(launcher.toHandle())
            : launcher
                .descendants()
                .filter(p -> p.info().command().filter(LauncherIT::isJava).isPresent())
                .findFirst();
    return jvm.orElseThrow(() -> new AssertionError("no java process under the launcher"));
  }

  private static boolean isJava(String command) {
    return Path.of(command).getFileName().toString().equals("java");
  }

  /** A launcher run to its end, with its exit code and everything it printed. */
  private record Ended(int exit, String printed) {
    static Ended of(ProcessBuilder builder, Path logs) throws Exception {
      Path out = Path.of(logs + ".out");
      Path err = Path.of(logs + ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("bin/sluice did not end within 3 minutes:\n" + read(out, err));
      }
      return new Ended(process.exitValue(), read(out, err));
    }

    private static String read(Path out, Path err) throws Exception {
      return Files.readString(out) + "--- stderr\n" + Files.readString(err);
    }
  }
}
