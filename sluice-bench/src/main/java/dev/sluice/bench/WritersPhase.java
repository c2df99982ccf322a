package dev.sluice.bench;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench --flow}, part 2: many writers against one small node that answers real 429s
 * (write pool 1, queue 2, 2 MB of indexing pressure): adaptive flow with 1, 2, 4, 8, 16 writers in
 * this JVM, then a sweep of fixed batch bytes x concurrency with {@link #SWEEP_WRITERS} writers.
 */
final class WritersPhase {
  private static final Logger LOG = LoggerFactory.getLogger(WritersPhase.class);

  static final int[] WRITERS = {1, 2, 4, 8, 16};
  static final int SWEEP_WRITERS = 8;

  /** No 5mb: with 8 writers it had not finished after 4.5 minutes here; the others took about 1. */
  static final String[] SWEEP_BYTES = {"256kb", "1mb"};

  static final int[] SWEEP_CONCURRENCY = {1, 3};

  /** One load of N writers. */
  record Row(
      String flow,
      int writers,
      int round,
      double seconds,
      long docs,
      List<ManyWriters.Writer> each,
      double clientCpuSeconds,
      double nodeCpuSeconds) {
    double docsPerSecond() {
      return docs / seconds;
    }

    long requests() {
      return ManyWriters.sum(each, LoadCounters::bulkRequests);
    }

    /** Throttling signals (429 responses and throttled items) per bulk request. */
    double throttledPerRequest() {
      return (double) ManyWriters.sum(each, LoadCounters::throttled) / Math.max(1, requests());
    }

    double jain() {
      return ManyWriters.jain(each);
    }

    RequestShape shape() {
      return RequestShape.of(each.stream().map(ManyWriters.Writer::result).toList(), seconds);
    }
  }

  private final BenchOptions options;
  private final String deadLetters;
  private final Failures failures;

  WritersPhase(BenchOptions options, String deadLetters, Failures failures) {
    this.options = options;
    this.deadLetters = deadLetters;
    this.failures = failures;
  }

  List<Row> run(byte[][] sources) throws InterruptedException {
    NodeSpec spec =
        NodeSpec.builder()
            .name("bench-small")
            .heap("512m")
            .setting("thread_pool.write.size", "1")
            .setting("thread_pool.write.queue_size", "2")
            .setting("indexing_pressure.memory.limit", "2mb")
            .build();
    LOG.info("starting {}", spec);
    List<Row> rows = new ArrayList<>();
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      Loads loads = Loads.on(node);
      SluiceLoad sluice = new SluiceLoad(node.httpUrl(), deadLetters);
      // Untimed: a cold node and JVM. After one warm-up load, the first timed load (always the lone
      // writer's) took 1.3-1.8x the node CPU and latency per request of the same load later on,
      // which read as a slow lone writer (0.57-0.85 of the best); in the same run's second round
      // it was 1.0.
      load(loads, sluice, "warm-up", 1, 0, Map.of(), sources);
      load(loads, sluice, "warm-up", WRITERS[WRITERS.length - 1], 0, Map.of(), sources);
      for (int round = 1; round <= options.flowRounds(); round++) {
        for (int writers : inOrderOf(round)) {
          rows.add(load(loads, sluice, "adaptive", writers, round, Map.of(), sources));
        }
      }
      for (String bytes : SWEEP_BYTES) {
        for (int concurrency : SWEEP_CONCURRENCY) {
          Map<String, String> fixed = new LinkedHashMap<>();
          fixed.put(ConfigKeys.FLOW_ADAPTIVE.name(), "false");
          fixed.put(ConfigKeys.BATCH_SIZE_BYTES.name(), bytes);
          fixed.put(ConfigKeys.BULK_CONCURRENCY.name(), Integer.toString(concurrency));
          String flow = "fixed " + bytes + " x" + concurrency;
          rows.add(load(loads, sluice, flow, SWEEP_WRITERS, 1, fixed, sources));
        }
      }
    }
    return rows;
  }

  /**
   * Odd rounds from 1 writer up, even rounds from 16 down: the machine drifts (other work on it),
   * and a writer count always in the same place takes the drift as its own.
   */
  static int[] inOrderOf(int round) {
    int[] order = WRITERS.clone();
    if (round % 2 == 0) {
      for (int i = 0; i < order.length / 2; i++) {
        int swap = order[i];
        order[i] = order[order.length - 1 - i];
        order[order.length - 1 - i] = swap;
      }
    }
    return order;
  }

  private Row load(
      Loads loads,
      SluiceLoad sluice,
      String flow,
      int writers,
      int round,
      Map<String, String> settings,
      byte[][] sources)
      throws InterruptedException {
    int docs = options.writersDocs();
    // An index per load: the writers of one load share hints, and only they.
    String target =
        ("bench-writers-" + writers + "-" + flow + "-" + round).replaceAll("[^a-z0-9-]", "-");
    Map<String, String> overrides = new LinkedHashMap<>(options.sluiceOptions());
    overrides.putAll(settings);
    SluiceConfig config = sluice.config(target, overrides);
    List<List<ManyWriters.Writer>> each = new ArrayList<>();
    Loads.Measured measured =
        loads.measure(target, () -> each.add(ManyWriters.load(config, sources, docs, writers)));
    String what = flow + " with " + writers + " writers";
    for (ManyWriters.Writer w : each.get(0)) {
      LoadCounters c = w.result().counters();
      failures.checkCounters(
          what, c, w.result().reconciles(), c.read(), w.result().reconciliation());
    }
    failures.checkIndex(loads.index(), target, docs, what);
    Row row =
        new Row(
            flow,
            writers,
            round,
            measured.nanos() / 1e9,
            docs,
            each.get(0),
            measured.usage().clientCpuNanos() / 1e9,
            measured.usage().esCpuNanos() / 1e9);
    LOG.info(
        "{}: {} docs/s, jain {}, {} throttled per request",
        what,
        Table.fixed(row.docsPerSecond(), 0),
        Table.fixed(row.jain(), 3),
        Table.fixed(row.throttledPerRequest(), 2));
    return row;
  }

  static void print(PrintStream out, List<Row> rows) {
    out.println();
    out.println(
        "Many writers in one JVM against a small node (write pool 1, queue 2, indexing pressure"
            + " 2mb)");
    new Table<Row>()
        .left("flow", 16, Row::flow)
        .right("writers", 7, Row::writers)
        .right("round", 5, Row::round)
        .number("seconds", 8, 2, Row::seconds)
        .number("docs/s", 8, 0, Row::docsPerSecond)
        .right("requests", 9, Row::requests)
        .number("429/req", 8, 2, Row::throttledPerRequest)
        .number("jain", 6, 3, Row::jain)
        .number("in flight", 9, 2, r -> r.shape().meanInFlight())
        .number("latency ms", 10, 0, r -> r.shape().meanLatencyMillis())
        .number("client CPU s", 12, 1, Row::clientCpuSeconds)
        .number("node CPU s", 10, 1, Row::nodeCpuSeconds)
        .print(out, rows);
    List<Row> adaptive = rows.stream().filter(r -> r.flow().equals("adaptive")).toList();
    Map<Integer, Double> medians = new TreeMap<>();
    for (int writers : WRITERS) {
      double[] rates =
          adaptive.stream()
              .filter(r -> r.writers() == writers)
              .mapToDouble(Row::docsPerSecond)
              .toArray();
      medians.put(writers, Stats.median(rates));
      out.printf(
          Locale.ROOT,
          "adaptive, %2d writers: median %.0f docs/s (range %.0f..%.0f, %d rounds)%n",
          writers,
          Stats.median(rates),
          Stats.min(rates),
          Stats.max(rates),
          rates.length);
    }
    DoubleSummaryStatistics rates =
        medians.values().stream().mapToDouble(Double::doubleValue).summaryStatistics();
    out.printf(
        Locale.ROOT,
        "adaptive, worst writer count vs best (medians): %.2f (target >= 0.9)%n",
        rates.getMin() / rates.getMax());
    double atSweep = medians.get(SWEEP_WRITERS);
    double bestFixed =
        rows.stream()
            .filter(r -> r.flow().startsWith("fixed"))
            .mapToDouble(Row::docsPerSecond)
            .max()
            .orElse(Double.NaN);
    out.printf(
        Locale.ROOT,
        "adaptive vs best fixed setting, %d writers: %.2f (target >= 1.0)%n",
        SWEEP_WRITERS,
        atSweep / bestFixed);
    out.printf(
        Locale.ROOT,
        "adaptive, lowest Jain index: %.3f (target >= 0.9)%n",
        adaptive.stream().mapToDouble(Row::jain).min().orElse(Double.NaN));
  }
}
