package dev.sluice.bench;

import java.util.List;
import java.util.Set;

/**
 * What {@code bin/bench-spark} is asked to do.
 *
 * @param throughput compare the loaders (not {@code --skip-throughput})
 * @param throttling then Sluice under throttling ({@code --throttling})
 */
record SparkBenchOptions(
    int rows,
    int rounds,
    int partitions,
    int warmUpRows,
    List<SparkLoader> loaders,
    boolean throughput,
    boolean throttling) {
  static final String USAGE =
      """
      usage: bin/bench-spark [--rows N] [--rounds N] [--partitions N] [--warm-up-rows N]
                             [--loader NAME]... [--throttling] [--skip-throughput]

      Writes one DataFrame of log events (~520 bytes of JSON per row, read from a Parquet copy made
      once under target/bench-spark) into a local Elasticsearch node through Spark 3.5 in local
      mode, with each loader in turn, alternating the order over rounds after an untimed warm-up:
        raw          pre-built _bulk bodies (5,000 documents, sequential ids, 2 connections),
                     then a refresh, as both connectors end their loads by default
        spark-only   the same DataFrame read into Spark's noop sink: the floor under every
                     connector (Parquet read, codegen, Spark's task overhead; nothing sent)
        es-hadoop    elasticsearch-hadoop 8.19 with its defaults (Elasticsearch's auto ids)
        sluice       Sluice with its defaults (content-hash ids)
        es-hadoop-id elasticsearch-hadoop with es.mapping.id=id
        sluice-id    Sluice with es.mapping.id=id
      elasticsearch-hadoop and Sluice go through the same GET / shim (a process of its own; this
      Elasticsearch build has no GET /). Each load goes into a fresh index (1 shard, 0 replicas, no
      refresh while loading) on a settled node, and must end with every row indexed (spark-only
      indexes nothing).

      Prints per load: docs/s of the write, this JVM's CPU seconds during it (Spark, its Parquet
      read, and the loader), the node's CPU seconds, the shim's; then per loader the medians and
      the ratios to elasticsearch-hadoop and to raw, and each connector's JVM CPU above the
      spark-only floor against its elasticsearch-hadoop peer's, (loader - floor) / (peer - floor).
      Exit 1 when a load is not exact.

        --rows N           rows in the DataFrame (default 1,000,000)
        --rounds N         timed rounds (default 2)
        --partitions N     input partitions (default 4)
        --warm-up-rows N   rows of each loader's untimed warm-up (default: --rows)
        --loader NAME      only these loaders (repeatable; default all six)
        --throttling       then the throttling rows: Sluice (defaults) through a fault proxy,
                           clean, 1% and 10% of items 429, 10% of requests 429, every response
                           2 s late, each after a clean load; then into a tiny-queue node (write
                           pool 1, queue 1, 2mb indexing pressure); time x clean against targets
        --skip-throughput  skip the loaders' comparison (with --throttling only)
      """;

  static SparkBenchOptions parse(String[] args) {
    CommandLine line =
        CommandLine.parse(
            args,
            Set.of("--rows", "--rounds", "--partitions", "--warm-up-rows", "--loader"),
            Set.of("--throttling", "--skip-throughput"));
    if (line.has("--skip-throughput") && !line.has("--throttling")) {
      throw new IllegalArgumentException(
          "--skip-throughput leaves nothing to run without --throttling");
    }
    List<SparkLoader> loaders =
        line.all("--loader").isEmpty()
            ? List.of(SparkLoader.values())
            : line.all("--loader").stream().map(SparkLoader::named).toList();
    int rows = line.positive("--rows", 1_000_000);
    return new SparkBenchOptions(
        rows,
        line.positive("--rounds", 2),
        line.positive("--partitions", 4),
        // A whole load's worth: with 200,000 rows the timed loads still spent 0.5-2.4 s compiling
        // (the JIT column), most of it in the first rounds, which skewed the medians of 2 rounds.
        Math.min(rows, line.positive("--warm-up-rows", rows)),
        loaders,
        !line.has("--skip-throughput"),
        line.has("--throttling"));
  }
}
