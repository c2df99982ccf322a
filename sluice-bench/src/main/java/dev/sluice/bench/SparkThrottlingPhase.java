package dev.sluice.bench;

import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.proxy.FaultPlan;
import dev.sluice.testkit.proxy.FaultProxy;
import dev.sluice.testkit.proxy.FaultProxyStats;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench-spark --throttling}: Sluice with its defaults through Spark, through the fault
 * proxy of {@code bin/bench --flow} ({@link ProxyThrottlingPhase#CASES}: 1% and 10% of items 429,
 * 10% of requests 429, every response 2 s late), each case after a clean load through a proxy that
 * passes everything; then into the tiny-queue node ({@link TinyQueueNode}). Each case is timed
 * against the median of the run's clean loads ({@link #medianClean}), after an untimed clean load
 * of the full size. The proxy runs as threads of this JVM: the table gives times, not CPU.
 */
final class SparkThrottlingPhase {
  private static final Logger LOG = LoggerFactory.getLogger(SparkThrottlingPhase.class);

  /** One timed load: how long it took, and what the proxy passed and injected. */
  /**
   * @param refusals write rejections the node itself counted (see {@link NodeRejections})
   */
  record Load(long rows, long nanos, FaultProxyStats proxy, long refusals, double loadAverage) {
    double seconds() {
      return nanos / 1e9;
    }
  }

  /** A throttled load and the clean load made just before it. */
  record Case(String name, double target, Load run, Load clean) {
    /** Against the clean load just before it alone. */
    double ratioToOwnClean() {
      return run.seconds() / clean.seconds();
    }
  }

  /**
   * What each case's time is compared with: the median of all the run's clean loads. Against its
   * own clean load alone, the first case (1% items) read 0.90x: the run's first full-size clean
   * load was always the slowest (33-34 s against 23-28 s for the later ones, a small warm-up before
   * it or not), so it flattered whichever case came first. The median of five clean loads is not
   * moved by one.
   */
  static double medianClean(List<Case> cases) {
    return Stats.median(cases.stream().mapToDouble(c -> c.clean().seconds()).toArray());
  }

  static final String TINY_QUEUE = "tiny-queue node";

  private final Dataset<Row> events;
  private final long rows;
  private final List<String> failures;

  /**
   * @param failures takes each load that did not end with every row indexed
   */
  SparkThrottlingPhase(Dataset<Row> events, long rows, List<String> failures) {
    this.events = events;
    this.rows = rows;
    this.failures = failures;
  }

  /**
   * @param warmUp rows for an untimed clean load first (Spark and the proxy warm up), or null
   */
  List<Case> run(LocalElasticsearch node, Dataset<Row> warmUp, long warmUpRows)
      throws InterruptedException {
    SparkTarget target = new SparkTarget(node);
    if (warmUp != null) {
      load(target, warmUp, warmUpRows, FaultPlan.none(), "throttling warm-up");
    }
    // Untimed too: the first full-size clean load was the slowest of the run, even after the
    // small warm-up (33-34 s against 23-28 s).
    load(target, events, rows, FaultPlan.none(), "throttling warm-up, full size");
    List<Case> cases = new ArrayList<>();
    for (ProxyThrottlingPhase.Case c : ProxyThrottlingPhase.CASES) {
      Load clean = load(target, events, rows, FaultPlan.none(), "clean before " + c.name());
      Load run = load(target, events, rows, c.plan(), c.name());
      cases.add(logged(new Case(c.name(), c.target(), run, clean)));
    }
    Load clean = load(target, events, rows, FaultPlan.none(), "clean before " + TINY_QUEUE);
    try (LocalElasticsearch tiny =
        LocalElasticsearch.start(TinyQueueNode.spec("bench-spark-tiny"))) {
      // Through a proxy that passes everything: the same hop as the clean load, and it counts.
      Load run = load(new SparkTarget(tiny), events, rows, FaultPlan.none(), TINY_QUEUE);
      cases.add(logged(new Case(TINY_QUEUE, Double.NaN, run, clean)));
    }
    return cases;
  }

  private static Case logged(Case c) {
    LOG.info("{}: {} x its own clean load", c.name(), Table.fixed(c.ratioToOwnClean(), 2));
    return c;
  }

  private Load load(SparkTarget target, Dataset<Row> input, long count, FaultPlan plan, String what)
      throws InterruptedException {
    target.prepare();
    LOG.info("{}: {} rows", what, count);
    String url = target.client().baseUrl();
    try (FaultProxy proxy = FaultProxy.forward(url).seed(1).onBulk(plan).start()) {
      long refusals = NodeRejections.read(target.client());
      long start = System.nanoTime();
      try {
        SparkLoader.SLUICE.writer(input, proxy.url(), SparkTarget.INDEX).save();
      } catch (Exception e) { // Spark throws its checked SparkException undeclared
        failures.add(what + ": " + e);
        LOG.error("{} failed", what, e);
      }
      long nanos = System.nanoTime() - start;
      long indexed = target.count(what);
      if (indexed != count) {
        failures.add(what + ": expected " + count + " documents, found " + indexed);
      }
      return new Load(
          count,
          nanos,
          proxy.stats(),
          NodeRejections.read(target.client()) - refusals,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static void print(java.io.PrintStream out, List<Case> cases) {
    out.println();
    out.println(
        "Throttling through Spark (Sluice defaults through a fault proxy in this JVM; each case"
            + " after a clean load; 429s: injected by the proxy; node refusals: write rejections"
            + " the node counted; load: 1-minute load average at the end of the throttled load;"
            + " x clean: against the median of the clean loads, x own: against the clean load just"
            + " before it)");
    double median = medianClean(cases);
    new Table<Case>()
        .left("case", 18, Case::name)
        .number("seconds", 8, 2, c -> c.run().seconds())
        .number("clean s", 8, 2, c -> c.clean().seconds())
        .number("x clean", 8, 2, c -> c.run().seconds() / median)
        .number("x own", 6, 2, Case::ratioToOwnClean)
        .right("target", 7, c -> Double.isNaN(c.target()) ? "-" : "<=" + c.target())
        .right("requests", 9, c -> c.run().proxy().requestsMatched())
        .right("clean req", 9, c -> c.clean().proxy().requestsMatched())
        .right("429 items", 10, c -> c.run().proxy().item429Items())
        .right("429 reqs", 9, c -> c.run().proxy().statusBefore(429))
        .right("node refusals", 13, c -> c.run().refusals())
        .number("docs/s", 9, 0, c -> c.run().rows() / c.run().seconds())
        .number("load", 5, 1, c -> c.run().loadAverage())
        .print(out, cases);
    out.printf(Locale.ROOT, "median of the %d clean loads: %.2f s%n", cases.size(), median);
  }
}
