package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.config.ConfigKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Loads files (JSON lines, CSV, Parquet, ORC) into Elasticsearch with Spark in local mode. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Loads a file or directory into an Elasticsearch index with Spark in local mode.")
final class LoadCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, description = "File or directory to read.")
  String input;

  @Option(
      names = "--format",
      defaultValue = "json",
      description =
          "json (one object per line), csv (with a header), parquet or orc (${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--index", required = true, description = "Target index (es.resource).")
  String index;

  @Option(
      names = "--id-field",
      description =
          "Column holding the document id (es.mapping.id). Without it the id is a hash of the row:"
              + " identical rows become one document and loading the same rows again replaces"
              + " them; -o sluice.id.strategy=auto keeps every row (elasticsearch-hadoop's way).")
  String idField;

  @Option(
      names = "--es",
      defaultValue = "http://127.0.0.1:9200",
      description = "Elasticsearch URL(s), comma separated (es.nodes) (${DEFAULT-VALUE}).")
  String nodes;

  @Option(
      names = "--checkpoint",
      description =
          "Directory for the load's checkpoint (sluice.checkpoint.path): run the same command"
              + " again after a crash or a cancel and it resumes where it stopped.")
  String checkpoint;

  @Option(
      names = {"-o", "--option"},
      description =
          "Any connector option, key=value (repeatable), e.g. -o es.batch.size.entries=5000.")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(
      names = "--out",
      defaultValue = "sluice-out/load",
      description = "Where dead letters and the report go (${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Path report = out.resolve("report.json");
    JsonNode result;
    SparkSession spark = LocalSpark.start("sluice-load");
    try {
      result = SparkLoad.run(read(spark), connectorOptions(), report);
    } finally {
      spark.stop();
    }
    JsonNode counters = result.path("counters");
    System.out.printf(
        "%s: read %d, indexed %d, dead-lettered %d, skipped by the checkpoint %d; %s; report %s%n",
        SparkLoad.ending(result),
        counters.path("read").asLong(),
        counters.path("indexed").asLong(),
        counters.path("deadLettered").asLong(),
        counters.path("skippedByCheckpoint").asLong(),
        result.path("reconciliation").path("statement").asText(),
        report.toAbsolutePath());
    return result.path("reconciles").asBoolean() ? 0 : 1;
  }

  /** The connector options this command line stands for; {@code -o} options win. */
  Map<String, String> connectorOptions() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(ConfigKeys.NODES.name(), nodes);
    all.put(ConfigKeys.RESOURCE.name(), index);
    if (idField != null) {
      all.put(ConfigKeys.MAPPING_ID.name(), idField);
    }
    all.put(
        ConfigKeys.DEADLETTER_PATH.name(), out.resolve("deadletter").toAbsolutePath().toString());
    if (checkpoint != null) {
      all.put(ConfigKeys.CHECKPOINT_PATH.name(), absolute(checkpoint));
      // Names the input in the checkpoint, so resuming it with other files is refused.
      all.put(ConfigKeys.CHECKPOINT_INPUT.name(), format + ":" + absolute(input));
    }
    all.putAll(options);
    return all;
  }

  /** A local path made absolute (the same job run from another directory); URIs as given. */
  private static String absolute(String location) {
    boolean uri = location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
    return uri ? location : Path.of(location).toAbsolutePath().normalize().toString();
  }

  private Dataset<Row> read(SparkSession spark) {
    return switch (format) {
      case "json" -> spark.read().json(input);
      case "csv" -> spark.read().option("header", "true").option("inferSchema", "true").csv(input);
      case "parquet" -> spark.read().parquet(input);
      case "orc" -> spark.read().orc(input);
      default ->
          throw new IllegalArgumentException(
              "--format must be json, csv, parquet or orc, not '" + format + "'");
    };
  }
}
