package dev.sluice.bench;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** The loaders {@code bin/bench-spark} compares. */
enum SparkLoader {
  RAW("raw"),
  SPARK_ONLY("spark-only"),
  ES_HADOOP("es-hadoop"),
  SLUICE("sluice"),
  ES_HADOOP_ID("es-hadoop-id"),
  SLUICE_ID("sluice-id");

  private final String label;

  SparkLoader(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  boolean throughSpark() {
    return this != RAW;
  }

  /** Whether the load leaves documents in the index ({@link #SPARK_ONLY} writes nowhere). */
  boolean indexes() {
    return this != SPARK_ONLY;
  }

  boolean elasticsearchHadoop() {
    return this == ES_HADOOP || this == ES_HADOOP_ID;
  }

  boolean withIdColumn() {
    return this == ES_HADOOP_ID || this == SLUICE_ID;
  }

  /**
   * How this connector writes {@code events} into {@code index} on {@code node} ({@code
   * host:port}), with its defaults; not for {@link #RAW}. {@link #SPARK_ONLY} is the floor every
   * connector stands on: the same read and codegen into Spark's {@code noop} sink, nothing sent.
   */
  DataFrameWriter<Row> writer(Dataset<Row> events, String node, String index) {
    if (this == SPARK_ONLY) {
      return events.write().format("noop").mode(SaveMode.Overwrite);
    }
    DataFrameWriter<Row> writer =
        events.write().mode(SaveMode.Append).option("es.nodes", node).option("es.resource", index);
    if (elasticsearchHadoop()) {
      writer = writer.format("org.elasticsearch.spark.sql").option("es.nodes.wan.only", "true");
    } else {
      writer = writer.format("sluice");
    }
    return withIdColumn() ? writer.option("es.mapping.id", "id") : writer;
  }

  static SparkLoader named(String name) {
    return Arrays.stream(values())
        .filter(l -> l.label.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--loader "
                        + name
                        + ": not one of "
                        + Arrays.stream(values())
                            .map(SparkLoader::label)
                            .collect(Collectors.joining(", "))));
  }
}
