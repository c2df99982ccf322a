package dev.sluice.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connector as a user installs it: a JVM with nothing but a Spark line's own jars (its own
 * Jackson, HttpClient, commons-codec, SLF4J binding), the one shaded jar, and the user's program
 * ({@link ParquetLoad}), which writes Parquet, reads it back and loads it with {@code
 * format("sluice")} into the local Elasticsearch. A class the shade plugin failed to bundle or
 * relocate shows up here as a failed load on some Spark line.
 */
@ExtendWith(ElasticsearchExtension.class)
class ShadedJarInstallIT {
  private static final int ROWS = 3_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ONE_SHARD =
      "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}";

  /** How the jar reaches Spark. */
  enum Install {
    /** On the JVM's classpath, as a cluster library or {@code spark.driver.extraClassPath} is. */
    CLASSPATH,
    /**
     * {@code spark-submit --jars}: Spark's own class loader loads it, on the driver and executors.
     */
    SPARK_SUBMIT_JARS
  }

  static Stream<Arguments> installs() {
    return SparkRuntime.lines().stream()
        .flatMap(line -> Stream.of(Install.values()).map(how -> Arguments.of(line, how)));
  }

  @ParameterizedTest(name = "Spark {0}, {1}")
  @MethodSource("installs")
  void loadsParquetIntoElasticsearch(String line, Install how, EsHandle es, @TempDir Path work)
      throws IOException, InterruptedException {
    SparkRuntime runtime = SparkRuntime.of(line);
    String index = es.newIndexName();
    assertThat(es.client().createIndex(index, ONE_SHARD).isSuccess())
        .as("create %s", index)
        .isTrue();

    String log = run(runtime, how, List.of(es.url(), index, work.toString(), String.valueOf(ROWS)));

    long nan = countNanRows();
    es.client().refresh(index);
    assertThat(es.client().count(index)).as("documents in %s", index).isEqualTo(ROWS - nan);
    JsonNode order = JSON.readTree(es.client().get("/" + index + "/_doc/o-00042").body());
    assertThat(order.path("_source").path("sku").asInt()).isEqualTo(42);
    assertThat(order.path("_source").path("amount").decimalValue()).isEqualByComparingTo("52.50");
    assertThat(order.path("_source").path("address").path("city").asText()).isEqualTo("Berlin");
    assertThat(order.path("_source").path("tags").toString()).isEqualTo("[\"parquet\",\"42\"]");
    assertThat(order.path("_source").path("placed_at").asText()).startsWith("2026-01-01T00:00:42");
    assertThat(deadLetterLines(work.resolve("dead")))
        .as("dead letters (NaN weights)")
        .isEqualTo(nan);
    assertThat(JSON.readTree(work.resolve("report.json").toFile()).path("reconciles").asBoolean())
        .isTrue();
    assertThat(log)
        .as("the connector's log line names the build's version")
        .contains("Sluice " + InstallSettings.required("sluice.build.version") + " load");
  }

  private static long countNanRows() {
    long nan = 0;
    for (long id = 0; id < ROWS; id++) {
      if (id % ParquetLoad.NAN_EVERY == ParquetLoad.NAN_OFFSET) {
        nan++;
      }
    }
    return nan;
  }

  /** Runs the user's program in a child JVM; returns its output, or fails with it. */
  private static String run(SparkRuntime runtime, Install how, List<String> programArgs)
      throws IOException, InterruptedException {
    Path connector = InstallSettings.connectorJar();
    Path program = Path.of(InstallSettings.required("sluice.install.program.jar"));
    List<String> command;
    if (how == Install.CLASSPATH) {
      command = runtime.javaCommand(List.of(connector, program));
      command.add("-Dspark.master=local[2]");
      command.add(ParquetLoad.class.getName());
    } else {
      command = runtime.javaCommand(List.of());
      command.addAll(
          List.of(
              "org.apache.spark.deploy.SparkSubmit",
              "--master",
              "local[2]",
              "--jars",
              connector.toString(),
              "--class",
              ParquetLoad.class.getName(),
              program.toString()));
    }
    command.addAll(programArgs);
    Path output = Files.createTempFile("sluice-install-" + runtime.line() + "-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("SPARK_HOME");
    Process process = builder.start();
    boolean exited = process.waitFor(10, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    String log = Files.readString(output);
    Files.delete(output);
    assertThat(exited && process.exitValue() == 0)
        .as(
            "%s (%s) exited %s; output:%n%s",
            runtime, how, exited ? process.exitValue() : "never", tail(log))
        .isTrue();
    return log;
  }

  private static String tail(String log) {
    return log.length() <= 20_000 ? log : "..." + log.substring(log.length() - 20_000);
  }

  private static long deadLetterLines(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> p.toString().endsWith(".ndjson")).forEach(files::add);
    }
    long lines = 0;
    for (Path file : files) {
      try (Stream<String> all = Files.lines(file)) {
        lines += all.filter(l -> !l.isBlank()).count();
      }
    }
    return lines;
  }
}
