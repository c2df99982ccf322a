package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.report.RunReportWriter;
import dev.sluice.testkit.EsLocal;
import dev.sluice.testkit.EsTestClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The embedded default job: sample orders into a local Elasticsearch, end to end. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Loads generated sample orders into Elasticsearch with Spark in local mode, then prints where"
          + " the data, the dead letters and the report are.",
      "Without --es it starts a local Elasticsearch (bin/es-local) and leaves it running; stop it"
          + " with bin/es-local stop."
    })
final class QuickstartCommand implements Callable<Integer> {
  @Option(
      names = "--rows",
      defaultValue = "100000",
      description = "Orders to generate (${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--partitions",
      defaultValue = "4",
      description = "Spark partitions (${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--index",
      defaultValue = "sluice-quickstart",
      description = "Target index, recreated (${DEFAULT-VALUE}).")
  String index;

  @Option(
      names = "--out",
      defaultValue = "sluice-out/quickstart",
      description = "Where dead letters and the report go (${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--es",
      description = "Elasticsearch URL (default: the local node, started if needed).")
  String esUrl;

  @Override
  public Integer call() {
    PrintStream console = System.out;
    String url = esUrl != null ? esUrl : EsLocal.ensureRunning(System.err);
    EsTestClient es = new EsTestClient(url, Optional.empty(), Optional.empty());
    recreateIndex(es);
    Path deadLetters = out.resolve("deadletter");
    Path report = out.resolve("report.json");
    deleteRecursively(deadLetters);

    JsonNode result;
    SparkSession spark = LocalSpark.start("sluice-quickstart");
    try {
      result =
          SparkLoad.run(
              SampleOrders.generate(spark, rows, partitions),
              Map.of(
                  ConfigKeys.NODES.name(),
                  url,
                  ConfigKeys.RESOURCE.name(),
                  index,
                  ConfigKeys.MAPPING_ID.name(),
                  "order_id",
                  ConfigKeys.DEADLETTER_PATH.name(),
                  deadLetters.toAbsolutePath().toString()),
              report);
    } finally {
      spark.stop();
    }
    es.refresh(index);
    long indexed = es.count(index);
    JsonNode counters = result.path("counters");
    console.println();
    console.println(
        "Sluice quickstart: " + rows + " generated orders loaded with Spark (local mode)");
    console.println("  Elasticsearch     " + url);
    console.println("  index             " + index + ": " + indexed + " documents");
    console.println(
        "  dead letters      "
            + counters.path("deadLettered").asLong()
            + " (expected "
            + SampleOrders.expectedBad(rows)
            + ", bad on purpose) in "
            + deadLetters.toAbsolutePath());
    console.println("  run               " + SparkLoad.ending(result));
    console.println("  report            " + report.toAbsolutePath());
    console.println(
        "  reconciles        "
            + (result.path("reconciles").asBoolean()
                ? "yes: " + result.path("reconciliation").path("statement").asText()
                : "NO: " + result.path("reconciliation").path("statement").asText()));
    console.println(
        "  report page       " + RunReportWriter.pageLocation(report.toAbsolutePath().toString()));
    console.println();
    console.println("  look:  curl -s '" + url + "/" + index + "/_search?size=1&pretty'");
    if (esUrl == null) {
      console.println("  stop:  bin/es-local stop");
    }
    return result.path("reconciles").asBoolean() ? 0 : 1;
  }

  private void recreateIndex(EsTestClient es) {
    EsTestClient.Response deleted = es.delete(index);
    if (!deleted.isSuccess() && deleted.status() != 404) {
      throw new IllegalStateException("cannot delete index " + index + ": " + deleted.body());
    }
    EsTestClient.Response created = es.createIndex(index, SampleOrders.MAPPING);
    if (!created.isSuccess()) {
      throw new IllegalStateException("cannot create index " + index + ": " + created.body());
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
