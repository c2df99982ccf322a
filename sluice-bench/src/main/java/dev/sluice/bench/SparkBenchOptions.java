package dev.sluice.bench;

import java.util.List;
import java.util.Set;

/** What {@code bin/bench-spark} is asked to do. */
record SparkBenchOptions(
    int rows, int rounds, int partitions, int warmUpRows, List<SparkLoader> loaders) {
  static final String USAGE =
      """
      usage: bin/bench-spark [--rows N] [--rounds N] [--partitions N] [--warm-up-rows N]
                             [--loader NAME]...

      Writes one DataFrame of log events (~520 bytes of JSON per row, read from a Parquet copy made
      once under target/bench-spark) into a local Elasticsearch node through Spark 3.5 in local
      mode, with each loader in turn, alternating the order over rounds after an untimed warm-up:
        raw          pre-built _bulk bodies (5,000 documents, sequential ids, 2 connections)
        es-hadoop    elasticsearch-hadoop 8.19 with its defaults (Elasticsearch's auto ids)
        sluice       Sluice with its defaults (content-hash ids)
        es-hadoop-id elasticsearch-hadoop with es.mapping.id=id
        sluice-id    Sluice with es.mapping.id=id
      elasticsearch-hadoop and Sluice go through the same GET / shim (a process of its own; this
      Elasticsearch build has no GET /). Each load goes into a fresh index (1 shard, 0 replicas, no
      refresh while loading) on a settled node, and must end with every row indexed.

      Prints per load: docs/s of the write, this JVM's CPU seconds during it (Spark, its Parquet
      read, and the loader), the node's CPU seconds, the shim's; then per loader the medians and
      the ratios to elasticsearch-hadoop and to raw. Exit 1 when a load is not exact.

        --rows N           rows in the DataFrame (default 1,000,000)
        --rounds N         timed rounds (default 2)
        --partitions N     input partitions (default 4)
        --warm-up-rows N   rows of each loader's untimed warm-up (default 200,000)
        --loader NAME      only these loaders (repeatable; default all five)
      """;

  static SparkBenchOptions parse(String[] args) {
    CommandLine line =
        CommandLine.parse(
            args,
            Set.of("--rows", "--rounds", "--partitions", "--warm-up-rows", "--loader"),
            Set.of());
    List<SparkLoader> loaders =
        line.all("--loader").isEmpty()
            ? List.of(SparkLoader.values())
            : line.all("--loader").stream().map(SparkLoader::named).toList();
    int rows = line.positive("--rows", 1_000_000);
    return new SparkBenchOptions(
        rows,
        line.positive("--rounds", 2),
        line.positive("--partitions", 4),
        Math.min(rows, line.positive("--warm-up-rows", 200_000)),
        loaders);
  }
}
