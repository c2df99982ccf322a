package dev.sluice.bench;

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
    int docs = defaults().docs();
    int runs = defaults().runs();
    int partitions = defaults().partitions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      if (!name.equals("--docs") && !name.equals("--runs") && !name.equals("--partitions")) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      int n = positive(name, value);
      switch (name) {
        case "--docs" -> docs = n;
        case "--runs" -> runs = n;
        default -> partitions = n;
      }
    }
    return new CheckpointBenchOptions(docs, runs, partitions);
  }

  private static int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, was '" + value + "'", e);
    }
  }
}
