package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C: the launcher's JVM (the jar and classpath bin/sluice runs) gets SIGINT half way through a
 * load, exits 130 with its progress saved, and {@code sluice resume} ends with the exact index.
 */
@ExtendWith(ElasticsearchExtension.class)
class CancelIT {
  private static final int ROWS = 200_000;
  private static final String PYTHON = "/usr/bin/python3";
  private static final String RESET_SIGINT_AND_EXEC =
      "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
          + " os.execv(sys.argv[1], sys.argv[1:])";

  /** Options of a load that is still going when it is stopped, with some of it recorded. */
  static final String[] SLOW_LOAD = {
    "-o",
    "es.batch.size.entries=200",
    "-o",
    "sluice.bulk.concurrency=1",
    "-o",
    "sluice.checkpoint.every=1s"
  };

  @TempDir Path dir;

  @Test
  void cancelledWithCtrlCThenResumedEndsExact(EsHandle es) throws Exception {
    Path input = CliFixtures.lines(dir.resolve("rows.json"), ROWS, CancelIT::paddedRow);
    String index = es.newIndexName();
    Process load =
        launcher(
                CliFixtures.loadArgs(
                    es.url(),
                    input,
                    index,
                    dir.resolve("out"),
                    // Small, single requests and frequent progress: the load is still going when
                    // the interrupt comes, and has recorded some of it.
                    SLOW_LOAD))
            .redirectOutput(dir.resolve("load.out").toFile())
            .redirectError(dir.resolve("load.err").toFile())
            .start();
    Path run = awaitRunDirectory(dir.resolve("load.out"), load);
    CheckpointProgress progress = new CheckpointProgress(run.resolve("checkpoint").toString());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (progress.get().rows() == 0 && load.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(load.isAlive()).as("the load is still running when interrupted").isTrue();
    new ProcessBuilder("kill", "-INT", String.valueOf(load.pid())).start().waitFor();
    assertThat(load.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String printed =
        Files.readString(dir.resolve("load.out")) + Files.readString(dir.resolve("load.err"));
    assertThat(load.exitValue()).as(printed).isEqualTo(130);
    assertThat(printed).contains("Continue with: sluice resume " + run);

    CliRun resumed = CliRun.of("resume", run.toString(), "--quiet");
    assertThat(resumed.exit()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).containsPattern("skipped by the checkpoint [1-9]");
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS);
  }

  /** Row {@code i} of a load big enough to be caught half way: about 130 bytes. */
  static String paddedRow(int i) {
    return "{\"id\":\"r" + i + "\",\"n\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}";
  }

  static Path awaitRunDirectory(Path out, Process load) throws Exception {
    for (int i = 0; i < 600 && load.isAlive(); i++) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      if (text.startsWith("run directory: ") && text.contains("\n")) {
        return Path.of(text.substring("run directory: ".length(), text.indexOf('\n')).strip());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the load printed no run directory");
  }

  /** The JVM bin/sluice starts: the module's jar, its classpath and JVM options. */
  private static ProcessBuilder launcher(String... args) throws Exception {
    Path target = Path.of("target");
    Path jar;
    try (Stream<Path> jars = Files.list(target)) {
      jar =
          jars.filter(p -> p.getFileName().toString().matches("sluice-cli-[^-]+(-SNAPSHOT)?\\.jar"))
              .findFirst()
              .orElseThrow();
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of(PYTHON))) {
      // A JVM whose SIGINT was ignored when it started (a build run in the background) never
      // sees Ctrl-C, as Unix has it; reset it to the default first, as a terminal would have it.
      command.addAll(List.of(PYTHON, "-c", RESET_SIGINT_AND_EXEC));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(
        List.of(Files.readString(target.resolve("launcher/jvm-options.txt")).trim().split("\\s+")));
    command.add("-cp");
    command.add(jar + ":" + Files.readString(target.resolve("launcher/classpath.txt")).trim());
    command.add("dev.sluice.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder;
  }
}
