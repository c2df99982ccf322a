package dev.sluice.bench;

import java.util.Set;

/**
 * The checkpoint benchmark's command line.
 *
 * @param docs rows per load
 * @param runs rounds, each one load without and one with a checkpoint
 * @param partitions Spark partitions of the input, so that many progress files
 */
record CheckpointBenchOptions(int docs, int runs, int partitions) {
  static final String USAGE =
      """
      Usage: bin/bench-checkpoint [--docs N] [--runs N] [--partitions N]
        --docs N        rows per load (default 1000000, about 500 bytes each)
        --runs N        rounds, each one load without and one with sluice.checkpoint.path;
                        the order alternates between rounds (default 2)
        --partitions N  Spark partitions of the input (default 8)
      Environment: BENCH_HEAP (this JVM's -Xmx, default 4g), BENCH_JAVA_OPTS (extra JVM flags).
      """;

  static CheckpointBenchOptions defaults() {
    return new CheckpointBenchOptions(1_000_000, 2, 8);
  }

  /** Parses {@code --flag N} and {@code --flag=N}; throws IllegalArgumentException on bad input. */
  static CheckpointBenchOptions parse(String[] args) {
    CheckpointBenchOptions d = defaults();
    CommandLine line =
        CommandLine.parse(args, Set.of("--docs", "--runs", "--partitions"), Set.of());
    return new CheckpointBenchOptions(
        line.positive("--docs", d.docs()),
        line.positive("--runs", d.runs()),
        line.positive("--partitions", d.partitions()));
  }
}
