package dev.sluice.cli;

import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Loads files (JSON lines, CSV, Parquet, ORC) into Elasticsearch with Spark in local mode. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Loads files into an Elasticsearch index with Spark in local mode.",
      "Each load gets a run directory under --out (its name is printed first) holding its"
          + " settings, checkpoint, dead letters and report.json; sluice resume RUN_DIR continues"
          + " it after a stop, sluice status RUN_DIR shows it.",
      "JSON and CSV records that do not parse are dead-lettered with their file and line (error"
          + " type malformed_input); the rest is loaded.",
      "",
      "Examples:",
      "  sluice load --input orders.json --index orders --id-field order_id",
      "  sluice load --input data/*.csv --index sales --es https://es:9200"
          + " -o es.net.http.auth.user=loader -o es.net.http.auth.pass=env:ES_PASSWORD",
      ""
    })
final class LoadCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files, directories or globs to read.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--format",
      description =
          "json (one object per line), csv (with a header), parquet or orc; default: from the"
              + " file names.")
  String format;

  @Option(names = "--schema", description = "Schema in Spark DDL (e.g. 'id INT, name STRING').")
  String schema;

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
      arity = "1..*",
      paramLabel = "URL",
      description = "Elasticsearch URL(s) (es.nodes); default http://127.0.0.1:9200.")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = "--checkpoint",
      description = "Checkpoint directory (sluice.checkpoint.path); default RUN_DIR/checkpoint.")
  String checkpoint;

  @Option(
      names = "--out",
      defaultValue = "sluice-out",
      description = "Where run directories are made (${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--read-option",
      paramLabel = "KEY=VALUE",
      description = "A Spark reader option (repeatable), e.g. --read-option sep=';'.")
  Map<String, String> readOptions = new LinkedHashMap<>();

  @Option(
      names = {"-o", "--option"},
      paramLabel = "KEY=VALUE",
      description =
          "Any connector option (repeatable), e.g. -o es.batch.size.entries=5000; secrets only"
              + " as env:VARIABLE or file:/path.")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(
      names = "--master",
      defaultValue = LocalSpark.DEFAULT_MASTER,
      description = "Spark master (${DEFAULT-VALUE}).")
  String master;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    RunDirectory run = RunDirectory.create(out, index, Instant.now());
    System.out.println("run directory: " + run.path());
    System.out.flush();
    LoadSettings settings = settings(run);
    return output.load(run, settings);
  }

  /** The load this command line stands for, its defaults under {@code run}. */
  LoadSettings settings(RunDirectory run) {
    List<String> locations = inputs.stream().map(RunPaths::absolute).toList();
    return new LoadSettings(
        locations,
        InputFormat.of(format, locations),
        index,
        schema,
        nodes.isEmpty() ? List.of("http://127.0.0.1:9200") : nodes,
        idField,
        checkpoint == null
            ? given(ConfigKeys.CHECKPOINT_PATH, run.child("checkpoint"))
            : RunPaths.absolute(checkpoint),
        given(ConfigKeys.DEADLETTER_PATH, run.child("deadletter")),
        given(ConfigKeys.REPORT_PATH, run.child("report.json")),
        readOptions,
        options,
        master);
  }

  /** A location given with {@code -o} (absolute), else the run directory's default. */
  private String given(ConfigKey<String> key, String byDefault) {
    String value = options.remove(key.name());
    return value == null ? byDefault : RunPaths.absolute(value);
  }
}
