package dev.sluice.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command line.
 *
 * @param docs documents per throughput load
 * @param throttledDocs documents per load against the tiny-queue node
 * @param skipThrottled skip the tiny-queue part
 * @param runs throughput rounds, each one baseline and one Sluice load (alternately first)
 * @param warmUpDocs documents per untimed warm-up load (each loader), at most {@code docs}
 * @param sluiceOptions options given to every Sluice load, over its defaults (not to the baseline)
 * @param flow run only the flow-control part: throttling through a proxy ({@code throttledDocs}
 *     documents a load) and many writers against a small node ({@code writersDocs} a load)
 * @param writersDocs documents per load of the many-writers part; {@code throttledDocs} unless
 *     given
 * @param flowRounds rounds of the flow-control part: each proxy case after its clean load and each
 *     adaptive writer count, that many times; medians printed
 * @param skipProxy {@code --flow} without the proxy cases: many writers only
 * @param skipWriters {@code --flow} without many writers: the proxy cases only
 */
record BenchOptions(
    int docs,
    int throttledDocs,
    boolean skipThrottled,
    int runs,
    int warmUpDocs,
    Map<String, String> sluiceOptions,
    boolean flow,
    int writersDocs,
    int flowRounds,
    boolean skipProxy,
    boolean skipWriters) {
  /**
   * As many as a default timed load. With 300,000, the first timed load of a run (the baseline's)
   * was slower than the fourth in 8 of 9 runs, by 17% on average, Elasticsearch spending more CPU
   * on the same documents; with 1,000,000, in 2 of 4.
   */
  static final int DEFAULT_WARM_UP_DOCS = 1_000_000;

  /**
   * Enough rounds for a median that one disturbed round cannot move, within about ten minutes for
   * the whole command on a 2-core machine (a round takes about a minute: two loads of ~20 s, each
   * after the node settles).
   */
  static final int DEFAULT_RUNS = 4;

  static final String USAGE =
      """
      Usage: bin/bench [--docs N] [--throttled-docs N] [--skip-throttled] [--runs N]
                       [--warm-up-docs N] [--option key=value]... [--flow [--writers-docs N]
                       [--flow-rounds N] [--skip-proxy | --skip-writers]]
        --docs N            documents per throughput load (default 1000000)
        --throttled-docs N  documents per load against the tiny-write-queue node (default 200000)
        --skip-throttled    skip the tiny-write-queue part
        --runs N            throughput rounds, each a baseline and a Sluice load, which
                            goes first alternating (default %d)
        --warm-up-docs N    documents per untimed warm-up load, each loader (default %d;
                            at most --docs)
        --option key=value  a Sluice option (es.* or sluice.*) for every Sluice load, over its
                            defaults; repeatable. The baseline keeps the default batch cut and
                            concurrency. E.g. --option es.batch.size.bytes=2mb
        --flow              only the flow-control part, --throttled-docs a load: Sluice through
                            a throttling proxy (clean, 1%% and 10%% of items 429, 10%% of requests
                            429, responses 2 s late), then 1-16 writers against a small node,
                            adaptive and a fixed sweep
        --writers-docs N    documents per load of --flow's many writers (default: --throttled-docs)
        --flow-rounds N     --flow's rounds: each throttled case after its own clean load, and each
                            adaptive writer count, N times; medians printed (default 1)
        --skip-proxy        --flow's many writers only
        --skip-writers      --flow's proxy cases only
      Environment: BENCH_HEAP (this JVM's -Xmx, default 3g), BENCH_JAVA_OPTS (extra JVM flags).
      """
          .formatted(DEFAULT_RUNS, DEFAULT_WARM_UP_DOCS);

  BenchOptions {
    sluiceOptions = Map.copyOf(sluiceOptions);
  }

  static BenchOptions defaults() {
    return new BenchOptions(
        1_000_000,
        200_000,
        false,
        DEFAULT_RUNS,
        DEFAULT_WARM_UP_DOCS,
        Map.of(),
        false,
        200_000,
        1,
        false,
        false);
  }

  /** Parses {@code --flag N} and {@code --flag=N}; throws IllegalArgumentException on bad input. */
  static BenchOptions parse(String[] args) {
    BenchOptions d = defaults();
    CommandLine line =
        CommandLine.parse(
            args,
            Set.of(
                "--docs",
                "--throttled-docs",
                "--runs",
                "--warm-up-docs",
                "--option",
                "--writers-docs",
                "--flow-rounds"),
            Set.of("--skip-throttled", "--flow", "--skip-proxy", "--skip-writers"));
    Map<String, String> sluiceOptions = new LinkedHashMap<>();
    line.all("--option").forEach(option -> option(option, sluiceOptions));
    if (line.has("--skip-proxy") && line.has("--skip-writers")) {
      throw new IllegalArgumentException("--skip-proxy and --skip-writers leave nothing to run");
    }
    int throttledDocs = line.positive("--throttled-docs", d.throttledDocs());
    return new BenchOptions(
        line.positive("--docs", d.docs()),
        throttledDocs,
        line.has("--skip-throttled"),
        line.positive("--runs", d.runs()),
        line.positive("--warm-up-docs", d.warmUpDocs()),
        sluiceOptions,
        line.has("--flow"),
        line.positive("--writers-docs", throttledDocs),
        line.positive("--flow-rounds", d.flowRounds()),
        line.has("--skip-proxy"),
        line.has("--skip-writers"));
  }

  /** {@code key=value}; the key is checked later, by Sluice's own option parser. */
  private static void option(String value, Map<String, String> into) {
    int equals = value.indexOf('=');
    if (equals < 1) {
      throw new IllegalArgumentException("--option needs key=value, was '" + value + "'");
    }
    into.put(value.substring(0, equals).trim(), value.substring(equals + 1).trim());
  }
}
