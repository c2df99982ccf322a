package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the figures: readable tables, then one JSON line per figure (lines starting with '{'). */
final class Report {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double MIB = 1 << 20;

  private final PrintStream out;
  private final Map<String, Object> setup;
  private final List<LoadRun> runs;

  Report(PrintStream out, Map<String, Object> setup, List<LoadRun> runs) {
    this.out = out;
    this.setup = setup;
    this.runs = runs;
  }

  void print() {
    out.println();
    out.println("== Sluice benchmark ==");
    setup.forEach((key, value) -> out.printf(Locale.ROOT, "  %-26s %s%n", key, value));
    throughput();
    memory();
    throttled();
    out.println();
    json();
  }

  private void throughput() {
    List<LoadRun> list = phase("throughput");
    if (list.isEmpty()) {
      return;
    }
    out.println();
    Object tuned = setup.get("sluice_options");
    out.println(
        "-- 1. Throughput ("
            + (tuned == null ? "default settings" : "Sluice with " + tuned)
            + " vs raw _bulk baseline) --");
    out.printf(
        Locale.ROOT,
        "%-40s%-20s%s%n",
        "",
        " ---- this JVM ----",
        " -------- Elasticsearch --------");
    out.printf(
        Locale.ROOT,
        "%-4s %-9s %7s %9s %6s %7s %4s %6s %7s %7s %6s %7s %7s%n",
        "run",
        "loader",
        "seconds",
        "docs/s",
        "MB/s",
        "CPU s",
        "GCs",
        "GC ms",
        "CPU s",
        "index s",
        "GC ms",
        "merge s",
        "settle");
    for (LoadRun r : list) {
      NodeActivity node = r.node();
      out.printf(
          Locale.ROOT,
          "%-4d %-9s %7.2f %9.0f %6.2f %7.2f %4d %6d %7.2f %7s %6s %7s %7s%n",
          r.run(),
          r.variant(),
          r.seconds(),
          r.docsPerSecond(),
          r.megabytesPerSecond(),
          r.usage().clientCpuNanos() / 1e9,
          r.usage().gcCount(),
          r.usage().gcMillis(),
          r.usage().esCpuNanos() / 1e9,
          node == null ? "-" : String.format(Locale.ROOT, "%.1f", node.indexMillis() / 1e3),
          node == null ? "-" : Long.toString(node.gcMillis()),
          node == null ? "-" : String.format(Locale.ROOT, "%.1f", node.mergeMillis() / 1e3),
          settled(r.settled()));
    }
    out.println(
        "(CPU s: of this JVM, and of the node's processes; index s: indexing time the node reports,"
            + " summed over its threads; settle: seconds waited for an idle node before the load,"
            + " * = still busy at the limit)");
    Ratio ratio = ratio();
    StringBuilder rounds = new StringBuilder();
    for (int i = 0; i < ratio.rounds().size(); i++) {
      rounds.append(String.format(Locale.ROOT, "  %d: %.3f", i + 1, ratio.rounds().get(i)));
    }
    out.println("sluice/baseline docs/s by round:" + rounds);
    out.printf(
        Locale.ROOT,
        "ratio sluice/baseline (docs/s): median of rounds %.3f (range %.3f..%.3f), pooled %.3f,"
            + " best-of %.3f (%.0f / %.0f), ratio of medians %.3f  target >= 0.95%n",
        ratio.medianOfRounds(),
        ratio.roundMin(),
        ratio.roundMax(),
        ratio.pooled(),
        ratio.best(),
        ratio.sluiceBest(),
        ratio.baselineBest(),
        ratio.median());
    out.printf(
        Locale.ROOT,
        "per load, median (range): ES CPU s baseline %s, sluice %s; client CPU s baseline %s,"
            + " sluice %s%n",
        spread("baseline", r -> r.usage().esCpuNanos() / 1e9),
        spread("sluice", r -> r.usage().esCpuNanos() / 1e9),
        spread("baseline", r -> r.usage().clientCpuNanos() / 1e9),
        spread("sluice", r -> r.usage().clientCpuNanos() / 1e9));
  }

  private static String settled(NodeSettler.Settled settled) {
    if (settled == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f%s", settled.millis() / 1e3, settled.quiet() ? "" : "*");
  }

  private String spread(String variant, ToDoubleFunction<LoadRun> f) {
    double[] values = values(variant, f).toArray();
    if (values.length == 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.2f (%.2f..%.2f)",
        median(values),
        Arrays.stream(values).min().orElseThrow(),
        Arrays.stream(values).max().orElseThrow());
  }

  private void memory() {
    List<LoadRun> list = runs.stream().filter(r -> r.counters() != null).toList();
    if (list.isEmpty()) {
      return;
    }
    out.println();
    out.println("-- 3. Memory (Sluice: bytes buffered + in flight vs cap; this JVM's heap) --");
    out.printf(
        Locale.ROOT,
        "%-10s %-4s %-9s %14s %10s %7s %13s %11s %13s %12s%n",
        "phase",
        "run",
        "loader",
        "peak held MiB",
        "cap MiB",
        "of cap",
        "heap@start MiB",
        "peak heap MiB",
        "peak-start MiB",
        "pool peaks MiB");
    for (LoadRun r : list) {
      ResourceMeter.Usage u = r.usage();
      out.printf(
          Locale.ROOT,
          "%-10s %-4d %-9s %14.1f %10.1f %6.0f%% %13.0f %11.0f %13.0f %12.0f%n",
          r.phase(),
          r.run(),
          r.variant(),
          r.counters().peakBytesBuffered() / MIB,
          r.memoryCap() / MIB,
          100.0 * r.counters().peakBytesBuffered() / r.memoryCap(),
          u.heapAtStart() / MIB,
          u.peakHeap() / MIB,
          (u.peakHeap() - u.heapAtStart()) / MIB,
          u.poolPeakSum() / MIB);
    }
    out.println(
        "(heap@start holds the pre-generated sources of every document; peak-start includes garbage"
            + " not yet collected, so it is an upper bound of what the loader kept.)");
  }

  private void throttled() {
    List<LoadRun> list = phase("throttled");
    if (list.isEmpty()) {
      return;
    }
    out.println();
    out.println("-- 2. Tiny write queue (thread_pool.write size 1, queue 1: real 429s) --");
    out.printf(
        Locale.ROOT,
        "%-9s %9s %10s %7s %10s %13s %16s %12s %13s %8s %8s%n",
        "flow",
        "seconds",
        "docs/s",
        "MB/s",
        "throttled",
        "retried items",
        "retried requests",
        "dead letters",
        "bulk requests",
        "p50 ms",
        "p99 ms");
    for (LoadRun r : list) {
      LoadCounters c = r.counters();
      out.printf(
          Locale.ROOT,
          "%-9s %9.2f %10.0f %7.2f %10d %13d %16d %12d %13d %8d %8d%n",
          r.variant(),
          r.seconds(),
          r.docsPerSecond(),
          r.megabytesPerSecond(),
          c.throttled(),
          c.retriedItems(),
          c.retriedRequests(),
          c.deadLettered(),
          c.bulkRequests(),
          c.latencyP50Millis(),
          c.latencyP99Millis());
    }
  }

  private void json() {
    Map<String, Object> setupLine = new LinkedHashMap<>();
    setupLine.put("figure", "setup");
    setupLine.putAll(setup);
    line(setupLine);
    for (LoadRun r : runs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("figure", "load");
      m.put("phase", r.phase());
      m.put("variant", r.variant());
      m.put("run", r.run());
      m.put("docs", r.docs());
      m.put("body_bytes", r.bodyBytes());
      m.put("seconds", round(r.seconds()));
      m.put("docs_per_s", round(r.docsPerSecond()));
      m.put("mb_per_s", round(r.megabytesPerSecond()));
      m.put("client_cpu_s", round(r.usage().clientCpuNanos() / 1e9));
      m.put("es_cpu_s", round(r.usage().esCpuNanos() / 1e9));
      m.put("gc_count", r.usage().gcCount());
      m.put("gc_ms", r.usage().gcMillis());
      m.put("heap_at_start_bytes", r.usage().heapAtStart());
      m.put("peak_heap_bytes", r.usage().peakHeap());
      m.put("heap_pool_peak_sum_bytes", r.usage().poolPeakSum());
      if (r.node() != null) {
        m.put("es_young_gcs", r.node().youngGcs());
        m.put("es_old_gcs", r.node().oldGcs());
        m.put("es_gc_ms", r.node().gcMillis());
        m.put("es_merges", r.node().merges());
        m.put("es_merge_ms", r.node().mergeMillis());
        m.put("es_index_ms", r.node().indexMillis());
      }
      if (r.settled() != null) {
        m.put("settle_ms", r.settled().millis());
        m.put("settled_quiet", r.settled().quiet());
      }
      LoadCounters c = r.counters();
      if (c != null) {
        m.put("memory_cap_bytes", r.memoryCap());
        m.put("peak_bytes_buffered", c.peakBytesBuffered());
        m.put("indexed", c.indexed());
        m.put("dead_lettered", c.deadLettered());
        m.put("throttled", c.throttled());
        m.put("retried_items", c.retriedItems());
        m.put("retried_requests", c.retriedRequests());
        m.put("bulk_requests", c.bulkRequests());
        m.put("latency_p50_ms", c.latencyP50Millis());
        m.put("latency_p99_ms", c.latencyP99Millis());
        m.put("latency_max_ms", c.latencyMaxMillis());
      }
      line(m);
    }
    if (!phase("throughput").isEmpty()) {
      Ratio ratio = ratio();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("figure", "throughput_ratio");
      m.put("median_of_rounds", round(ratio.medianOfRounds()));
      m.put("round_ratios", ratio.rounds().stream().map(Report::round).toList());
      m.put("round_ratio_min", round(ratio.roundMin()));
      m.put("round_ratio_max", round(ratio.roundMax()));
      m.put("pooled", round(ratio.pooled()));
      m.put("best_of", round(ratio.best()));
      m.put("median", round(ratio.median()));
      m.put("sluice_best_docs_per_s", round(ratio.sluiceBest()));
      m.put("baseline_best_docs_per_s", round(ratio.baselineBest()));
      m.put("sluice_median_docs_per_s", round(ratio.sluiceMedian()));
      m.put("baseline_median_docs_per_s", round(ratio.baselineMedian()));
      m.put("target", 0.95);
      line(m);
    }
  }

  /**
   * Sluice's docs/s over the baseline's: per round (two loads made back to back), and over all.
   *
   * @param rounds each round's ratio, in round order (rounds missing either load left out)
   * @param pooledSluice all Sluice documents over all Sluice seconds; likewise the baseline
   */
  record Ratio(
      List<Double> rounds,
      double pooledSluice,
      double pooledBaseline,
      double sluiceBest,
      double baselineBest,
      double sluiceMedian,
      double baselineMedian) {
    double medianOfRounds() {
      return rounds.isEmpty()
          ? Double.NaN
          : Report.median(rounds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double roundMin() {
      return rounds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double roundMax() {
      return rounds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double pooled() {
      return pooledSluice / pooledBaseline;
    }

    double best() {
      return sluiceBest / baselineBest;
    }

    double median() {
      return sluiceMedian / baselineMedian;
    }
  }

  Ratio ratio() {
    List<LoadRun> list = phase("throughput");
    List<Double> rounds = new java.util.ArrayList<>();
    list.stream()
        .mapToInt(LoadRun::run)
        .distinct()
        .sorted()
        .forEach(
            run -> {
              double sluice = docsPerSecond(list, "sluice", run);
              double baseline = docsPerSecond(list, "baseline", run);
              if (!Double.isNaN(sluice) && !Double.isNaN(baseline)) {
                rounds.add(sluice / baseline);
              }
            });
    return new Ratio(
        List.copyOf(rounds),
        pooled("sluice"),
        pooled("baseline"),
        max("sluice", LoadRun::docsPerSecond),
        max("baseline", LoadRun::docsPerSecond),
        median("sluice", LoadRun::docsPerSecond),
        median("baseline", LoadRun::docsPerSecond));
  }

  private static double docsPerSecond(List<LoadRun> list, String variant, int run) {
    return list.stream()
        .filter(r -> r.variant().equals(variant) && r.run() == run)
        .mapToDouble(LoadRun::docsPerSecond)
        .findFirst()
        .orElse(Double.NaN);
  }

  private double pooled(String variant) {
    List<LoadRun> list =
        phase("throughput").stream().filter(r -> r.variant().equals(variant)).toList();
    double docs = list.stream().mapToDouble(LoadRun::docs).sum();
    double seconds = list.stream().mapToDouble(LoadRun::seconds).sum();
    return docs / seconds;
  }

  private double max(String variant, ToDoubleFunction<LoadRun> f) {
    return values(variant, f).max().orElse(Double.NaN);
  }

  private double median(String variant, ToDoubleFunction<LoadRun> f) {
    return median(values(variant, f).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private java.util.stream.DoubleStream values(String variant, ToDoubleFunction<LoadRun> f) {
    return Arrays.stream(
        phase("throughput").stream()
            .filter(r -> r.variant().equals(variant))
            .mapToDouble(f)
            .toArray());
  }

  private List<LoadRun> phase(String phase) {
    return runs.stream().filter(r -> r.phase().equals(phase)).toList();
  }

  private void line(Map<String, Object> fields) {
    try {
      out.println(JSON.writeValueAsString(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write figure " + fields.get("figure"), e);
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
