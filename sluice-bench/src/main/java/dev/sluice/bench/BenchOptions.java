package dev.sluice.bench;

/**
 * The benchmark's command line.
 *
 * @param docs documents per throughput load
 * @param throttledDocs documents per load against the tiny-queue node
 * @param skipThrottled skip the tiny-queue part
 * @param runs throughput rounds (each round: baseline, then Sluice)
 */
record BenchOptions(int docs, int throttledDocs, boolean skipThrottled, int runs) {
  static final String USAGE =
      """
      Usage: bin/bench [--docs N] [--throttled-docs N] [--skip-throttled] [--runs N]
        --docs N            documents per throughput load (default 1000000)
        --throttled-docs N  documents per load against the tiny-write-queue node (default 200000)
        --skip-throttled    skip the tiny-write-queue part
        --runs N            throughput rounds, each baseline then Sluice (default 2)
      Environment: BENCH_HEAP (this JVM's -Xmx, default 3g), BENCH_JAVA_OPTS (extra JVM flags).
      """;

  static BenchOptions defaults() {
    return new BenchOptions(1_000_000, 200_000, false, 2);
  }

  /** Parses {@code --flag N} and {@code --flag=N}; throws IllegalArgumentException on bad input. */
  static BenchOptions parse(String[] args) {
    int docs = defaults().docs();
    int throttledDocs = defaults().throttledDocs();
    boolean skipThrottled = false;
    int runs = defaults().runs();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--skip-throttled" -> skipThrottled = true;
        case "--docs", "--throttled-docs", "--runs" -> {
          String value;
          if (arg.contains("=")) {
            value = arg.substring(arg.indexOf('=') + 1);
          } else if (i + 1 < args.length) {
            value = args[++i];
          } else {
            throw new IllegalArgumentException(name + " needs a value");
          }
          int n = positive(name, value);
          switch (name) {
            case "--docs" -> docs = n;
            case "--throttled-docs" -> throttledDocs = n;
            default -> runs = n;
          }
        }
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    return new BenchOptions(docs, throttledDocs, skipThrottled, runs);
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
