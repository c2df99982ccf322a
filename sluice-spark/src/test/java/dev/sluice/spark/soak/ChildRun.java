package dev.sluice.spark.soak;

import dev.sluice.spark.soak.SoakScenario.Interruption;
import dev.sluice.spark.soak.SoakScenario.RunPlan;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Starts one {@link SoakLoadMain} JVM, interrupts it as planned, and says how it ended. */
final class ChildRun {
  private static final long RUN_TIMEOUT_SECONDS = 240;

  /** How a run ended, as the driver saw it. */
  enum Ending {
    DONE,
    KILLED,
    CANCELLED,
    REFUSED,
    FAILED,
    TIMED_OUT
  }

  /**
   * @param seconds how long the run took, for the timeline only
   */
  record Result(Ending ending, int exitStatus, String logTail, long seconds) {}

  private ChildRun() {}

  /**
   * @param bulkRequests bulk requests that reached the proxies so far (all runs of the seed)
   */
  static Result run(
      String nodes,
      String index,
      long seed,
      RunPlan plan,
      SoakDirs dirs,
      int number,
      LongSupplier bulkRequests)
      throws IOException, InterruptedException {
    Files.deleteIfExists(dirs.cancelTrigger());
    Path log = dirs.log(number);
    long requestsAtStart = bulkRequests.getAsLong();
    long started = System.nanoTime();
    Process child = start(nodes, index, seed, plan.partitions(), dirs, log);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_TIMEOUT_SECONDS);
      boolean interrupted = false;
      while (child.isAlive() && System.nanoTime() < deadline) {
        if (!interrupted
            && plan.interruption() != Interruption.NONE
            && bulkRequests.getAsLong() - requestsAtStart >= plan.afterRequests()) {
          interrupted = true;
          if (plan.interruption() == Interruption.SIGKILL) {
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            child.waitFor(60, TimeUnit.SECONDS);
            return new Result(Ending.KILLED, child.exitValue(), tail(log), seconds(started));
          }
          Files.createFile(dirs.cancelTrigger());
        }
        child.waitFor(20, TimeUnit.MILLISECONDS);
      }
      if (child.isAlive()) {
        return new Result(Ending.TIMED_OUT, -1, tail(log), seconds(started));
      }
      return new Result(ending(log), child.exitValue(), tail(log), seconds(started));
    } finally {
      if (child.isAlive()) {
        child.destroyForcibly();
        child.waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  private static long seconds(long started) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
  }

  private static Ending ending(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    if (text.contains(SoakLoadMain.DONE)) {
      return Ending.DONE;
    }
    if (text.contains(SoakLoadMain.CANCELLED)) {
      return Ending.CANCELLED;
    }
    if (text.contains(SoakLoadMain.REFUSED)) {
      return Ending.REFUSED;
    }
    return Ending.FAILED;
  }

  private static Process start(
      String nodes, String index, long seed, int partitions, SoakDirs dirs, Path log)
      throws IOException {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null) {
      classpath = System.getProperty("java.class.path");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    // A run is short: a quick JIT and a small collector leave more of two shared cores to the load.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.addAll(sparkJvmFlags());
    command.addAll(
        List.of(
            "-cp",
            classpath,
            SoakLoadMain.class.getName(),
            nodes,
            index,
            Long.toString(seed),
            Integer.toString(partitions),
            dirs.work().toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder.start();
  }

  /** The {@code --add-opens} and friends this JVM got for Spark (the build's spark.jvm.opens). */
  private static List<String> sparkJvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty"))
        .toList();
  }

  static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
