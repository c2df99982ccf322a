package dev.sluice.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Spark runtime as a cluster has it: the jars of one Spark line (spark-sql and everything it
 * brings, at that release's versions), resolved by the build into {@code
 * runtimes/spark-<line>/target/classpath.txt}, and the JVM options Spark needs on Java 17.
 */
record SparkRuntime(String line, List<Path> jars) {
  /** The lines this build's connector is tested on ({@code sluice.install.lines}). */
  static List<String> lines() {
    return Arrays.stream(InstallSettings.required("sluice.install.lines").split(","))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  static SparkRuntime of(String line) throws IOException {
    Path runtimes = Path.of(InstallSettings.required("sluice.install.runtimes"));
    Path file = runtimes.resolve("spark-" + line).resolve("target").resolve("classpath.txt");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No Spark "
              + line
              + " runtime at "
              + file
              + ": the build writes it; run mvn verify -pl sluice-spark-install -am");
    }
    List<Path> jars = new ArrayList<>();
    for (String entry : Files.readString(file).strip().split(java.io.File.pathSeparator)) {
      jars.add(Path.of(entry));
    }
    return new SparkRuntime(line, List.copyOf(jars));
  }

  /** {@code java} with Spark's JVM options and this runtime plus {@code extra} on the classpath. */
  List<String> javaCommand(List<Path> extra) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(Arrays.asList(InstallSettings.required("sluice.spark.jvm.opens").split("\\s+")));
    command.add("-Dspark.ui.enabled=false");
    command.add("-Dspark.driver.host=127.0.0.1");
    command.add("-Dspark.driver.bindAddress=127.0.0.1");
    List<String> classpath = new ArrayList<>();
    jars.forEach(jar -> classpath.add(jar.toString()));
    extra.forEach(jar -> classpath.add(jar.toString()));
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath));
    return command;
  }

  @Override
  public String toString() {
    return "Spark " + line;
  }
}
