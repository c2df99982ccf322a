package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs of one Spark driver program in child JVMs, each started anew with the same arguments (so the
 * same work directory, as a user restarts a job), and killed with SIGKILL when a test says. The
 * child gets this JVM's test classpath and its module flags ({@code --add-opens}, which Spark 3.5
 * on Java 17 cannot start without, and the {@code -D} switches that go with them).
 */
final class ChildJvm {
  private final EsHandle es;
  private final String index;
  private final Path logs;
  private final String name;
  private final String doneMarker;
  private final List<String> mainAndArgs;
  private int runs;

  /**
   * @param index what {@link #runAndKillWhen} counts after a kill
   * @param name the prefix of each run's log file in {@code logs}
   * @param doneMarker what a run prints when its program finished
   */
  ChildJvm(
      EsHandle es,
      String index,
      Path logs,
      String name,
      String doneMarker,
      Class<?> main,
      String... args) {
    this.es = es;
    this.index = index;
    this.logs = logs;
    this.name = name;
    this.doneMarker = doneMarker;
    this.mainAndArgs = new ArrayList<>(List.of(main.getName()));
    this.mainAndArgs.addAll(List.of(args));
  }

  /**
   * Starts a run and kills it with SIGKILL as soon as {@code condition} holds.
   *
   * @return the documents in the index at the kill
   * @throws AssertionError when the run ended before the condition held
   */
  long runAndKillWhen(KillCondition condition, Supplier<String> state) throws Exception {
    Process child = start();
    try {
      while (child.isAlive()) {
        if (condition.holds()) {
          child.destroyForcibly(); // SIGKILL on Linux and macOS
          assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("killed child exits").isTrue();
          assertThat(child.exitValue()).as("exit status of a SIGKILL").isEqualTo(137);
          es.client().refresh(index);
          return es.client().count(index);
        }
        Thread.sleep(50);
      }
      throw new AssertionError(
          "run "
              + runs
              + " ended ("
              + child.exitValue()
              + ") before it was killed; "
              + state.get()
              + "\n"
              + logTail());
    } finally {
      child.destroyForcibly();
    }
  }

  /** Starts a run and waits until it ends, which it must do successfully. */
  void runToTheEnd() throws Exception {
    Process child = start();
    try {
      assertThat(child.waitFor(8, TimeUnit.MINUTES)).as("run finishes").isTrue();
      assertThat(child.exitValue()).as("exit status\n" + logTail()).isZero();
      assertThat(Files.readString(log())).contains(doneMarker);
    } finally {
      child.destroyForcibly();
    }
  }

  private Process start() throws IOException {
    runs++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(moduleFlags());
    command.add("-cp");
    command.add(testClasspath());
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.redirectErrorStream(true);
    builder.redirectOutput(log().toFile());
    return builder.start();
  }

  /** This JVM's {@code --add-opens} and the switches given with them (the build's argLine). */
  static List<String> moduleFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("--add-exports")
                    || a.startsWith("-Djdk.reflect.")
                    || a.startsWith("-Dio.netty."))
        .toList();
  }

  /** Failsafe starts this JVM from a manifest jar; its property holds the real classpath. */
  private static String testClasspath() {
    String classpath = System.getProperty("surefire.test.class.path");
    return classpath != null ? classpath : System.getProperty("java.class.path");
  }

  private Path log() {
    return logs.resolve(name + "-run-" + runs + ".log");
  }

  private String logTail() throws IOException {
    List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** A condition polled while a child runs. */
  @FunctionalInterface
  interface KillCondition {
    boolean holds() throws Exception;
  }
}
