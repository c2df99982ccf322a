package dev.sluice.spark.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Runs a scenario's steps for one connector on its own index and reads what they left. */
final class ScenarioRunner {
  /** elasticsearch-hadoop's Spark SQL data source. */
  static final String ES_HADOOP_FORMAT = "org.elasticsearch.spark.sql";

  private static final String INPUT_JSON = "es.input.json";

  /**
   * One connector's side of the comparison.
   *
   * @param prefix its indices are {@code <prefix>-<scenario>}
   * @param format the data source that plays {@link Step.Writer#SUBJECT}
   */
  record Side(String prefix, String format) {}

  /** What a {@link Step.Writer#ES_HADOOP} step does on a side. */
  @FunctionalInterface
  interface Preparation {
    /**
     * @param index the scenario's index on this side
     * @param esHadoopWrite the step's write with elasticsearch-hadoop
     */
    void prepare(Scenario scenario, String index, Runnable esHadoopWrite);
  }

  private final SparkSession spark;
  private final IndexReader reader;
  private final Map<String, String> connection;
  private final Map<String, String> placeholders;

  /**
   * @param connection the options that reach the node (through the root shim), given to the writer
   *     unless the scenario has them only in the session's configuration
   * @param placeholders values for {@code ${name}} in scenario options, e.g. {@code node.port}
   */
  ScenarioRunner(
      SparkSession spark,
      IndexReader reader,
      Map<String, String> connection,
      Map<String, String> placeholders) {
    this.spark = spark;
    this.reader = reader;
    this.connection = Map.copyOf(connection);
    this.placeholders = Map.copyOf(placeholders);
  }

  Snapshot run(Scenario scenario, Side side, Preparation preparation) {
    String index = side.prefix() + "-" + scenario.name();
    reader.deleteAll(index);
    scenario.setup().forEach(reader::send);
    scenario.existingIndex().ifPresent(body -> reader.createIndex(index, body));
    if (!scenario.seed().isEmpty()) {
      reader.seed(index, scenario.seed());
    }
    String rowsView = "rows_" + side.prefix() + "_" + scenario.name().replace('-', '_');
    spark.sql(scenario.rows()).createOrReplaceTempView(rowsView);
    List<String> outcomes = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    try {
      for (Step step : scenario.steps()) {
        try {
          execute(scenario, side, step, index, rowsView, preparation);
          outcomes.add(Snapshot.SUCCESS);
          messages.add("");
        } catch (Exception e) { // Spark throws checked exceptions undeclared
          outcomes.add(Snapshot.FAILURE);
          messages.add(describe(e));
        }
      }
    } finally {
      spark.catalog().dropTempView(rowsView);
      spark.catalog().dropTempView(viewName(side, scenario));
    }
    return new Snapshot(outcomes, messages, reader.read(index, scenario));
  }

  private void execute(
      Scenario scenario,
      Side side,
      Step step,
      String index,
      String rowsView,
      Preparation preparation) {
    String resource = index + scenario.resourceSuffix();
    if (step instanceof Step.Save save) {
      if (save.writer() == Step.Writer.ES_HADOOP) {
        preparation.prepare(
            scenario, index, () -> save(scenario, save, ES_HADOOP_FORMAT, resource, rowsView));
      } else {
        save(scenario, save, side.format(), resource, rowsView);
      }
    } else if (step instanceof Step.Sql sql) {
      for (String statement : sql.statements()) {
        spark.sql(
            statement
                .replace("${format}", side.format())
                .replace("${options}", sqlOptions(scenario, resource))
                .replace("${view}", viewName(side, scenario))
                .replace("${rows}", rowsView));
      }
    }
  }

  private void save(
      Scenario scenario, Step.Save step, String format, String resource, String rowsView) {
    Map<String, String> options = new LinkedHashMap<>();
    if (!scenario.settingsOnlyInSparkConf()) {
      options.putAll(connection);
    }
    options.putAll(scenario.options());
    options.putAll(step.options());
    options.replaceAll((key, value) -> fill(value));
    if (ES_HADOOP_FORMAT.equals(format) && "true".equalsIgnoreCase(options.get(INPUT_JSON))) {
      EsHadoopJson.save(spark.table(rowsView), resource, options);
      return;
    }
    DataFrameWriter<Row> writer = spark.table(rowsView).write().format(format).options(options);
    step.mode().ifPresent(writer::mode);
    writer.save(resource);
  }

  private String fill(String value) {
    String filled = value;
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      filled = filled.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
    }
    return filled;
  }

  private String sqlOptions(Scenario scenario, String resource) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("resource", resource);
    options.putAll(connection);
    options.putAll(scenario.options());
    List<String> entries = new ArrayList<>();
    options.forEach((key, value) -> entries.add("'" + key + "' '" + value + "'"));
    return String.join(", ", entries);
  }

  private static String viewName(Side side, Scenario scenario) {
    return "v_" + side.prefix() + "_" + scenario.name().replace('-', '_');
  }

  /** The failure's class and first line, and its root cause's: enough to see why in a diff. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String outer = failure.getClass().getName() + ": " + firstLine(failure.getMessage());
    return root == failure
        ? outer
        : outer
            + " | root cause "
            + root.getClass().getName()
            + ": "
            + firstLine(root.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
