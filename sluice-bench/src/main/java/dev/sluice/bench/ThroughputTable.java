package dev.sluice.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Part 1 of {@code bin/bench}'s report: each throughput load, then Sluice over the baseline. */
final class ThroughputTable {
  private static final Table<LoadRun> TABLE =
      new Table<LoadRun>()
          .left("run", 4, LoadRun::run)
          .left("loader", 9, LoadRun::variant)
          .number("seconds", 7, 2, LoadRun::seconds)
          .number("docs/s", 9, 0, LoadRun::docsPerSecond)
          .number("MB/s", 6, 2, LoadRun::megabytesPerSecond)
          .number("CPU s", 7, 2, r -> r.usage().clientCpuNanos() / 1e9)
          .right("GCs", 4, r -> r.usage().gcCount())
          .right("GC ms", 6, r -> r.usage().gcMillis())
          .number("CPU s", 7, 2, r -> r.usage().esCpuNanos() / 1e9)
          .right("index s", 7, r -> node(r, n -> Table.fixed(n.indexMillis() / 1e3, 1)))
          .right("GC ms", 6, r -> node(r, NodeActivity::gcMillis))
          .right("merge s", 7, r -> node(r, n -> Table.fixed(n.mergeMillis() / 1e3, 1)))
          .right("settle", 7, r -> settled(r.settled()));

  private final List<LoadRun> throughput;
  private final Map<String, String> sluiceOptions;

  /**
   * @param throughput the loads of the throughput phase, in the order they ran
   * @param sluiceOptions the options Sluice was given over its defaults
   */
  ThroughputTable(List<LoadRun> throughput, Map<String, String> sluiceOptions) {
    this.throughput = throughput;
    this.sluiceOptions = sluiceOptions;
  }

  void print(PrintStream out) {
    out.println();
    out.println(
        "-- 1. Throughput ("
            + (sluiceOptions.isEmpty()
                ? "default settings"
                : "Sluice with " + new TreeMap<>(sluiceOptions))
            + " vs raw _bulk baseline) --");
    out.printf(
        Locale.ROOT,
        "%-40s%-20s%s%n",
        "",
        " ---- this JVM ----",
        " -------- Elasticsearch --------");
    TABLE.print(out, throughput);
    out.println(
        "(CPU s: of this JVM, and of the node's processes; index s: indexing time the node reports,"
            + " summed over its threads; settle: seconds waited for an idle node before the load,"
            + " * = still busy at the limit)");
    ratio(out, ThroughputRatio.of(throughput));
  }

  private void ratio(PrintStream out, ThroughputRatio ratio) {
    StringBuilder rounds = new StringBuilder();
    for (int i = 0; i < ratio.rounds().size(); i++) {
      rounds.append(String.format(Locale.ROOT, "  %d: %.3f", i + 1, ratio.rounds().get(i)));
    }
    out.println("sluice/baseline docs/s by round:" + rounds);
    out.printf(
        Locale.ROOT,
        "ratio sluice/baseline (docs/s): median of rounds %.3f (range %.3f..%.3f), pooled %.3f,"
            + " best-of %.3f (%.0f / %.0f), ratio of medians %.3f  target >= %.2f%n",
        ratio.medianOfRounds(),
        ratio.roundMin(),
        ratio.roundMax(),
        ratio.pooled(),
        ratio.best(),
        ratio.sluiceBest(),
        ratio.baselineBest(),
        ratio.median(),
        ThroughputRatio.TARGET);
    out.printf(
        Locale.ROOT,
        "per load, median (range): ES CPU s baseline %s, sluice %s; client CPU s baseline %s,"
            + " sluice %s%n",
        spread("baseline", r -> r.usage().esCpuNanos() / 1e9),
        spread("sluice", r -> r.usage().esCpuNanos() / 1e9),
        spread("baseline", r -> r.usage().clientCpuNanos() / 1e9),
        spread("sluice", r -> r.usage().clientCpuNanos() / 1e9));
  }

  /** What the node reported, or "-" where it was not measured. */
  private static Object node(LoadRun r, Function<NodeActivity, ?> figure) {
    return r.node() == null ? "-" : figure.apply(r.node());
  }

  private static String settled(NodeSettler.Settled settled) {
    if (settled == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f%s", settled.millis() / 1e3, settled.quiet() ? "" : "*");
  }

  private String spread(String variant, ToDoubleFunction<LoadRun> f) {
    double[] values = ThroughputRatio.values(throughput, variant, f);
    if (values.length == 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.2f (%.2f..%.2f)",
        Stats.median(values),
        Stats.min(values),
        Stats.max(values));
  }
}
