package dev.sluice.bench;

import dev.sluice.core.SluiceConfig;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import dev.sluice.testkit.proxy.Fault;
import dev.sluice.testkit.proxy.FaultPlan;
import dev.sluice.testkit.proxy.FaultProxy;
import dev.sluice.testkit.proxy.FaultProxyStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench --flow}, part 1: the same documents through Sluice's defaults, through a proxy
 * that throttles as a busy cluster does: clean, 1% and 10% of items answered 429, 10% of whole
 * requests answered 429, every response 2 s late. Each load's time against the clean one's.
 */
final class ProxyThrottlingPhase {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyThrottlingPhase.class);

  /**
   * One way to throttle, and the most its time may be against the clean load's (printed).
   *
   * @param clean the proxy's plan for the clean load this case is timed against
   */
  record Case(String name, FaultPlan plan, double target, FaultPlan clean) {
    Case(String name, FaultPlan plan, double target) {
      this(name, plan, target, FaultPlan.none());
    }
  }

  /**
   * The clean load of an item-429 case: a proxy that reads every bulk body into items, as the
   * case's proxy does, and rejects none (a probability no draw reaches). The proxy runs in this
   * JVM, on the same two cores as the node: reading each 5 MB body into items and writing the
   * response again cost it 2.5 CPU-s more per million documents than passing them on (3.0 against
   * 0.5 in one run), while the node's CPU (25.8 against 25.7 s) and the flow's batches (5 MB, 2.8
   * against 2.9 in flight) were the same; the 1% case's requests took twice as long on average (975
   * against 495 ms). Timed against a proxy that passes bodies through untouched, that read as
   * Sluice's slowness under 1% of items throttled. The case's proxy still puts the rejected items
   * back into the response, work this yardstick does not do (the "proxy CPU s" columns show what is
   * left).
   */
  static final FaultPlan PARSING_CLEAN = FaultPlan.always(Fault.item429(Double.MIN_VALUE));

  /**
   * One throttled load and the clean load made just before it through a proxy of its own: the
   * machine drifts too much between loads (other work on it) for one clean load to serve as the
   * yardstick of all.
   */
  record Row(Case what, int round, Load load, Load clean) {
    double ratio() {
      return load.run().seconds() / clean.run().seconds();
    }

    LoadRun run() {
      return load.run();
    }

    FaultProxyStats proxy() {
      return load.proxy();
    }
  }

  /**
   * One load through its proxy, and the shape of its requests: where a throttled load loses time
   * against its clean one (smaller batches, fewer in flight, slower answers, or CPU spent by the
   * proxy in this JVM: the client CPU column holds the proxy's work on the bodies, and the proxy
   * CPU column that work alone).
   */
  record Load(LoadRun run, FaultProxyStats proxy, RequestShape shape, double proxyCpuSeconds) {
    double clientCpuSeconds() {
      return run.usage().clientCpuNanos() / 1e9;
    }

    double nodeCpuSeconds() {
      return run.usage().esCpuNanos() / 1e9;
    }
  }

  /** The names of the fault proxy's threads (the testkit's {@code FaultProxy}). */
  private static final String PROXY_THREADS = "fault-proxy-";

  static final Case CLEAN = new Case("clean", FaultPlan.none(), 1.0);

  static final List<Case> CASES =
      List.of(
          new Case("1% items 429", FaultPlan.always(Fault.item429(0.01)), 1.1, PARSING_CLEAN),
          new Case("10% items 429", FaultPlan.always(Fault.item429(0.1)), 1.3, PARSING_CLEAN),
          new Case("10% requests 429", everyTenth(Fault.statusBefore(429)), 1.3),
          new Case(
              "all delayed 2 s", FaultPlan.always(Fault.delay(Duration.ofSeconds(2))), Double.NaN));

  /**
   * The 4th, 14th, 24th, ... request gets {@code fault}: exactly 10%, where a random draw over the
   * few requests of a short load may give none (seed 1 gave none in 13).
   */
  private static FaultPlan everyTenth(Fault fault) {
    Fault[] faults = new Fault[10_000];
    for (int n = 0; n < faults.length; n++) {
      faults[n] = n % 10 == 3 ? fault : Fault.pass();
    }
    return FaultPlan.script(faults);
  }

  private final BenchOptions options;
  private final String deadLetters;
  private final Failures failures;

  ProxyThrottlingPhase(BenchOptions options, String deadLetters, Failures failures) {
    this.options = options;
    this.deadLetters = deadLetters;
    this.failures = failures;
  }

  List<Row> run(byte[][] sources) throws InterruptedException {
    NodeSpec spec = NodeSpec.builder().name("bench-proxy").heap("1g").build();
    LOG.info("starting {}", spec);
    List<Row> rows = new ArrayList<>();
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      String url = node.httpUrl();
      CheckedLoads loads = new CheckedLoads(Loads.on(node), failures);
      int docs = options.throttledDocs();
      // Untimed: the first loads of a fresh node, JVM and proxy were up to 3x slower than later.
      load(loads, url, CLEAN, sources, docs);
      load(loads, url, CLEAN, sources, docs);
      for (int round = 1; round <= options.flowRounds(); round++) {
        for (Case c : CASES) {
          if (round > 1 && Double.isNaN(c.target())) {
            continue; // no target, and at 7,500 docs/s the longest load: once is enough
          }
          Load clean = load(loads, url, new Case(CLEAN.name(), c.clean(), 1.0), sources, docs);
          rows.add(new Row(c, round, load(loads, url, c, sources, docs), clean));
          LOG.info("{}: {} x clean", c.name(), Table.fixed(rows.get(rows.size() - 1).ratio(), 2));
        }
      }
    }
    return rows;
  }

  private Load load(CheckedLoads loads, String nodeUrl, Case c, byte[][] sources, int docs)
      throws InterruptedException {
    try (FaultProxy proxy = FaultProxy.forward(nodeUrl).seed(1).onBulk(c.plan()).start()) {
      ThreadCpu proxyCpu = ThreadCpu.mark(PROXY_THREADS);
      String target = "bench-proxy";
      SluiceConfig config =
          new SluiceLoad(proxy.url(), deadLetters).config(target, options.sluiceOptions());
      CheckedLoads.Sluiced load =
          loads.sluice(target, config, "bench-proxy", sources, docs, c.name());
      LoadRun run =
          LoadRun.sluice(
              "proxy",
              c.name(),
              1,
              load.result(),
              load.measured(),
              config.batch().memoryMaxBytes());
      LOG.info("{}: {}", c.name(), run.summary());
      return new Load(
          run,
          proxy.stats(),
          RequestShape.of(List.of(load.result()), run.seconds()),
          proxyCpu.seconds());
    }
  }

  static void print(PrintStream out, List<Row> rows) {
    out.println();
    out.println(
        "Throttling through a proxy (same documents, Sluice defaults; each case after a clean load;"
            + " clean proxy 'parses': the clean load's proxy reads each bulk body into items as the"
            + " item cases' proxy does, and rejects none)");
    new Table<Row>()
        .left("case", 18, r -> r.what().name())
        .right("round", 5, Row::round)
        .number("seconds", 8, 2, r -> r.run().seconds())
        .number("clean s", 8, 2, r -> r.clean().run().seconds())
        .right("clean proxy", 11, r -> r.what().clean() == PARSING_CLEAN ? "parses" : "passes")
        .number("x clean", 8, 2, Row::ratio)
        .right("target", 7, r -> Double.isNaN(r.what().target()) ? "-" : "<=" + r.what().target())
        .right("requests", 9, r -> r.run().counters().bulkRequests())
        .right("clean req", 9, r -> r.clean().run().counters().bulkRequests())
        .right("429 items", 10, r -> r.proxy().item429Items())
        .right("429 reqs", 9, r -> r.proxy().statusBefore(429))
        .right("retried", 8, r -> r.run().counters().retriedItems())
        .number("mem wait s", 10, 1, r -> r.run().counters().waitedForMemoryMillis() / 1000.0)
        .number("docs/s", 9, 0, r -> r.run().docsPerSecond())
        .number("KB/req", 7, 0, r -> r.load().shape().kbPerRequest())
        .number("in flight", 9, 2, r -> r.load().shape().meanInFlight())
        .number("clean", 6, 2, r -> r.clean().shape().meanInFlight())
        .number("latency ms", 10, 0, r -> r.load().shape().meanLatencyMillis())
        .number("clean", 6, 0, r -> r.clean().shape().meanLatencyMillis())
        .number("client CPU s", 12, 1, r -> r.load().clientCpuSeconds())
        .number("clean", 6, 1, r -> r.clean().clientCpuSeconds())
        .number("proxy CPU s", 11, 1, r -> r.load().proxyCpuSeconds())
        .number("clean", 6, 1, r -> r.clean().proxyCpuSeconds())
        .number("node CPU s", 10, 1, r -> r.load().nodeCpuSeconds())
        .number("clean", 6, 1, r -> r.clean().nodeCpuSeconds())
        .print(out, rows);
    if (rows.stream().anyMatch(r -> r.round() > 1)) {
      out.println("median over rounds of each case's time against its own clean load's:");
      for (Case c : CASES) {
        double[] ratios =
            rows.stream().filter(r -> r.what() == c).mapToDouble(Row::ratio).toArray();
        out.printf(
            Locale.ROOT,
            "  %-18s %5.2f x clean (range %.2f..%.2f, %d rounds)  target %s%n",
            c.name(),
            Stats.median(ratios),
            Stats.min(ratios),
            Stats.max(ratios),
            ratios.length,
            Double.isNaN(c.target()) ? "-" : "<=" + c.target());
      }
    }
  }
}
