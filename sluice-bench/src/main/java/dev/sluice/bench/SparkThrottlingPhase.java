package dev.sluice.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.proxy.FaultPlan;
import dev.sluice.testkit.proxy.FaultProxy;
import dev.sluice.testkit.proxy.FaultProxyStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * passes everything (that reads every body into items and rejects none, for the item cases); then
 * into the tiny-queue node ({@link TinyQueueNode}). Each case is timed against the median of the
 * run's clean loads through the same kind of proxy ({@link #medianClean}), after an untimed clean
 * load of the full size. The proxy runs as threads of this JVM: the table gives times, not CPU.
 */
final class SparkThrottlingPhase {
  private static final Logger LOG = LoggerFactory.getLogger(SparkThrottlingPhase.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * One timed load: how long it took, and what the proxy passed and injected.
   *
   * @param refusals write rejections the node itself counted (see {@link NodeRejections})
   * @param counters what the job's report counted (the time its writers waited for memory, say)
   */
  record Load(
      long rows,
      long nanos,
      FaultProxyStats proxy,
      long refusals,
      double loadAverage,
      LoadCounters counters) {
    double seconds() {
      return nanos / 1e9;
    }
  }

  /**
   * A throttled load and the clean load made just before it.
   *
   * @param cleanParses whether the clean load's proxy read every bulk body into items, as an item
   *     case's proxy does ({@link ProxyThrottlingPhase#PARSING_CLEAN}), or passed bodies through
   */
  record Case(String name, double target, Load run, Load clean, boolean cleanParses) {
    /** Against the clean load just before it alone. */
    double ratioToOwnClean() {
      return run.seconds() / clean.seconds();
    }
  }

  /**
   * What a case's time is compared with: the median of the run's clean loads made through the same
   * kind of proxy as its own. Against its own clean load alone, the first case (1% items) read
   * 0.90x: the run's first full-size clean load was always the slowest (33-34 s against 23-28 s for
   * the later ones, a small warm-up before it or not), so it flattered whichever case came first;
   * the median is not moved by one. The same kind of proxy: reading every 5 MB body into items
   * costs the proxy, on the node's two cores, about 2.5 CPU-s per million documents more than
   * passing it on (measured by {@code bin/bench --flow}); against clean loads whose proxy passed
   * bodies, the item cases were charged for it (1% of items read 1.10-1.23x over three runs).
   */
  static double medianClean(List<Case> cases, boolean cleanParses) {
    return Stats.median(
        cases.stream()
            .filter(c -> c.cleanParses() == cleanParses)
            .mapToDouble(c -> c.clean().seconds())
            .toArray());
  }

  /** A case's time against the {@link #medianClean} of its kind of proxy. */
  static double ratio(List<Case> cases, Case of) {
    return of.run().seconds() / medianClean(cases, of.cleanParses());
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
      throws InterruptedException, IOException {
    SparkTarget target = new SparkTarget(node);
    if (warmUp != null) {
      load(target, warmUp, warmUpRows, FaultPlan.none(), "throttling warm-up");
    }
    // Untimed too: the first full-size clean load was the slowest of the run, even after the
    // small warm-up (33-34 s against 23-28 s).
    load(target, events, rows, FaultPlan.none(), "throttling warm-up, full size");
    List<Case> cases = new ArrayList<>();
    for (ProxyThrottlingPhase.Case c : ProxyThrottlingPhase.CASES) {
      Load clean = load(target, events, rows, c.clean(), "clean before " + c.name());
      Load run = load(target, events, rows, c.plan(), c.name());
      boolean parses = c.clean() == ProxyThrottlingPhase.PARSING_CLEAN;
      cases.add(logged(new Case(c.name(), c.target(), run, clean, parses)));
    }
    Load clean = load(target, events, rows, FaultPlan.none(), "clean before " + TINY_QUEUE);
    try (LocalElasticsearch tiny =
        LocalElasticsearch.start(TinyQueueNode.spec("bench-spark-tiny"))) {
      // Through a proxy that passes everything: the same hop as the clean load, and it counts.
      Load run = load(new SparkTarget(tiny), events, rows, FaultPlan.none(), TINY_QUEUE);
      cases.add(logged(new Case(TINY_QUEUE, Double.NaN, run, clean, false)));
    }
    return cases;
  }

  private static Case logged(Case c) {
    LOG.info("{}: {} x its own clean load", c.name(), Table.fixed(c.ratioToOwnClean(), 2));
    return c;
  }

  private Load load(SparkTarget target, Dataset<Row> input, long count, FaultPlan plan, String what)
      throws InterruptedException, IOException {
    target.prepare();
    LOG.info("{}: {} rows", what, count);
    String url = target.client().baseUrl();
    Path report = Files.createTempFile("sluice-bench-report", ".json");
    try (FaultProxy proxy = FaultProxy.forward(url).seed(1).onBulk(plan).start()) {
      long refusals = NodeRejections.read(target.client());
      long start = System.nanoTime();
      try {
        SparkLoader.SLUICE
            .writer(input, proxy.url(), SparkTarget.INDEX)
            .option("sluice.report.path", report.toString())
            .save();
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
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          counters(report, what));
    } finally {
      Files.deleteIfExists(report);
    }
  }

  /** The job's counters from its report, or none (all zero) when it wrote none. */
  private LoadCounters counters(Path report, String what) {
    try {
      JsonNode counters = JSON.readTree(report.toFile()).path("counters");
      return JSON.treeToValue(counters, LoadCounters.class);
    } catch (IOException e) {
      failures.add(what + ": no report in " + report + ": " + e);
      return LoadCounters.empty();
    }
  }

  static void print(java.io.PrintStream out, List<Case> cases) {
    out.println();
    out.println(
        "Throttling through Spark (Sluice defaults through a fault proxy in this JVM; each case"
            + " after a clean load; clean proxy: 'parses' when the clean load's proxy read every"
            + " bulk body into items as the item cases' proxy does, rejecting none; 429s: injected by"
            + " the proxy; node refusals: write rejections the node counted; load: 1-minute load"
            + " average at the end of the throttled load; x clean: against the median of the clean"
            + " loads through the same kind of proxy, x own: against the clean load just before it;"
            + " mem wait s: time the job's writers waited for memory room, summed)");
    new Table<Case>()
        .left("case", 18, Case::name)
        .number("seconds", 8, 2, c -> c.run().seconds())
        .number("clean s", 8, 2, c -> c.clean().seconds())
        .right("clean proxy", 11, c -> c.cleanParses() ? "parses" : "passes")
        .number("x clean", 8, 2, c -> ratio(cases, c))
        .number("x own", 6, 2, Case::ratioToOwnClean)
        .right("target", 7, c -> Double.isNaN(c.target()) ? "-" : "<=" + c.target())
        .right("requests", 9, c -> c.run().proxy().requestsMatched())
        .right("clean req", 9, c -> c.clean().proxy().requestsMatched())
        .right("429 items", 10, c -> c.run().proxy().item429Items())
        .right("429 reqs", 9, c -> c.run().proxy().statusBefore(429))
        .right("node refusals", 13, c -> c.run().refusals())
        .number("mem wait s", 10, 1, c -> c.run().counters().waitedForMemoryMillis() / 1000.0)
        .number("clean", 6, 1, c -> c.clean().counters().waitedForMemoryMillis() / 1000.0)
        .number("docs/s", 9, 0, c -> c.run().rows() / c.run().seconds())
        .number("load", 5, 1, c -> c.run().loadAverage())
        .print(out, cases);
    for (boolean parses : new boolean[] {false, true}) {
      long count = cases.stream().filter(c -> c.cleanParses() == parses).count();
      if (count > 0) {
        out.printf(
            Locale.ROOT,
            "median of the %d clean loads whose proxy %s: %.2f s%n",
            count,
            parses ? "parses" : "passes",
            medianClean(cases, parses));
      }
    }
  }
}
