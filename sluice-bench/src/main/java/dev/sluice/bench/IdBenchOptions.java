package dev.sluice.bench;

import java.util.Set;

/**
 * {@code bin/bench-ids}'s command line.
 *
 * @param docs documents per load
 * @param runs rounds, each one load per candidate, in an order that alternates between rounds
 * @param warmUpDocs documents of the untimed warm-up loads (one per candidate), at most {@code
 *     docs}
 */
record IdBenchOptions(int docs, int runs, int warmUpDocs) {
  static final String USAGE =
      """
      Usage: bin/bench-ids [--docs N] [--runs N] [--warm-up-docs N]
        --docs N          documents per load (default 1000000)
        --runs N          rounds, each loading the same documents once per id candidate, the
                          order reversed every other round (default 2)
        --warm-up-docs N  documents per untimed warm-up load, one per candidate (default 200000;
                          at most --docs)
      Environment: BENCH_HEAP (this JVM's -Xmx, default 3g), BENCH_JAVA_OPTS (extra JVM flags).
      """;

  static IdBenchOptions defaults() {
    return new IdBenchOptions(1_000_000, 2, 200_000);
  }

  /** Throws IllegalArgumentException on bad input, naming the flag. */
  static IdBenchOptions parse(String[] args) {
    IdBenchOptions d = defaults();
    CommandLine line =
        CommandLine.parse(args, Set.of("--docs", "--runs", "--warm-up-docs"), Set.of());
    return new IdBenchOptions(
        line.positive("--docs", d.docs()),
        line.positive("--runs", d.runs()),
        line.positive("--warm-up-docs", d.warmUpDocs()));
  }
}
