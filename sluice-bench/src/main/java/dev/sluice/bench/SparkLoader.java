package dev.sluice.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The loaders {@code bin/bench-spark} compares. */
enum SparkLoader {
  RAW("raw"),
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

  boolean elasticsearchHadoop() {
    return this == ES_HADOOP || this == ES_HADOOP_ID;
  }

  boolean withIdColumn() {
    return this == ES_HADOOP_ID || this == SLUICE_ID;
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
