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
        "%-4s %-9s %9s %11s %8s %12s %9s %7s %7s%n",
        "run",
        "loader",
        "seconds",
        "docs/s",
        "MB/s",
        "client CPU s",
        "ES CPU s",
        "GCs",
        "GC ms");
    for (LoadRun r : list) {
      out.printf(
          Locale.ROOT,
          "%-4d %-9s %9.2f %11.0f %8.2f %12.2f %9.2f %7d %7d%n",
          r.run(),
          r.variant(),
          r.seconds(),
          r.docsPerSecond(),
          r.megabytesPerSecond(),
          r.usage().clientCpuNanos() / 1e9,
          r.usage().esCpuNanos() / 1e9,
          r.usage().gcCount(),
          r.usage().gcMillis());
    }
    Ratio ratio = ratio();
    out.printf(
        Locale.ROOT,
        "ratio sluice/baseline (docs/s): best-of %.3f (%.0f / %.0f), median %.3f (%.0f / %.0f)"
            + "  target >= 0.95%n",
        ratio.best(),
        ratio.sluiceBest(),
        ratio.baselineBest(),
        ratio.median(),
        ratio.sluiceMedian(),
        ratio.baselineMedian());
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

  record Ratio(double sluiceBest, double baselineBest, double sluiceMedian, double baselineMedian) {
    double best() {
      return sluiceBest / baselineBest;
    }

    double median() {
      return sluiceMedian / baselineMedian;
    }
  }

  Ratio ratio() {
    return new Ratio(
        max("sluice", LoadRun::docsPerSecond),
        max("baseline", LoadRun::docsPerSecond),
        median("sluice", LoadRun::docsPerSecond),
        median("baseline", LoadRun::docsPerSecond));
  }

  private double max(String variant, ToDoubleFunction<LoadRun> f) {
    return values(variant, f).max().orElse(Double.NaN);
  }

  private double median(String variant, ToDoubleFunction<LoadRun> f) {
    double[] sorted = values(variant, f).sorted().toArray();
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
