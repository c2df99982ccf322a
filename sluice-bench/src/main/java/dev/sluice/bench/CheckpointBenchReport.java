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
import java.util.stream.Collectors;

/**
 * Prints the checkpoint benchmark's figures: a table, the overhead, then one JSON line per figure
 * (lines starting with '{'), as {@code bin/bench} does.
 */
final class CheckpointBenchReport {
  /** Issue #5: checkpoint writes cost under 5% of throughput. */
  static final double TARGET_OVERHEAD = 0.05;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final Map<String, Object> setup;
  private final List<CheckpointBenchRun> runs;

  CheckpointBenchReport(PrintStream out, Map<String, Object> setup, List<CheckpointBenchRun> runs) {
    this.out = out;
    this.setup = setup;
    this.runs = runs;
  }

  /**
   * Throughput lost to checkpointing: 1 - with / without, in docs/s, from the best run of each and
   * from the median run of each. Positive = checkpointing is slower.
   */
  record Overhead(double withBest, double withoutBest, double withMedian, double withoutMedian) {
    double best() {
      return 1 - withBest / withoutBest;
    }

    double median() {
      return 1 - withMedian / withoutMedian;
    }
  }

  Overhead overhead() {
    return new Overhead(
        best(rates(true)), best(rates(false)), median(rates(true)), median(rates(false)));
  }

  /**
   * 1 - with / without within each round, whose two loads ran back to back: drift of the machine
   * over the whole benchmark cancels out, only the noise between neighbours remains.
   */
  double[] perRound() {
    return runs.stream()
        .mapToInt(CheckpointBenchRun::run)
        .distinct()
        .mapToObj(this::loadsOfRound)
        .filter(pair -> pair.size() == 2)
        .mapToDouble(
            pair -> {
              CheckpointBenchRun with = pair.get(0).checkpointed() ? pair.get(0) : pair.get(1);
              CheckpointBenchRun without = pair.get(0).checkpointed() ? pair.get(1) : pair.get(0);
              return 1 - with.docsPerSecond() / without.docsPerSecond();
            })
        .toArray();
  }

  private List<CheckpointBenchRun> loadsOfRound(int run) {
    return runs.stream().filter(r -> r.run() == run).toList();
  }

  void print() {
    out.println();
    out.println("== Sluice checkpoint overhead benchmark ==");
    setup.forEach((key, value) -> out.printf(Locale.ROOT, "  %-26s %s%n", key, value));
    if (!runs.isEmpty()) {
      table();
    }
    out.println();
    json();
  }

  private void table() {
    out.println();
    out.println("-- Spark load, default settings, without vs with sluice.checkpoint.path --");
    out.printf(
        Locale.ROOT,
        "%-4s %-19s %8s %10s %7s %12s %9s %5s %7s %9s %7s %7s %13s %11s %10s%n",
        "run",
        "variant",
        "seconds",
        "docs/s",
        "MB/s",
        "client CPU s",
        "ES CPU s",
        "GCs",
        "GC ms",
        "bulk reqs",
        "p50 ms",
        "p99 ms",
        "ckpt writes",
        "ckpt files",
        "ckpt KiB");
    for (CheckpointBenchRun r : runs) {
      CheckpointWatch.Summary c = r.checkpoint();
      out.printf(
          Locale.ROOT,
          "%-4d %-19s %8.2f %10.0f %7.2f %12.2f %9.2f %5d %7d %9d %7d %7d %13s %11s %10s%n",
          r.run(),
          r.variant(),
          r.seconds(),
          r.docsPerSecond(),
          r.megabytesPerSecond(),
          r.usage().clientCpuNanos() / 1e9,
          r.usage().esCpuNanos() / 1e9,
          r.usage().gcCount(),
          r.usage().gcMillis(),
          r.counters().bulkRequests(),
          r.counters().latencyP50Millis(),
          r.counters().latencyP99Millis(),
          c == null ? "-" : c.partitionWrites() < 0 ? "lost" : Long.toString(c.partitionWrites()),
          c == null ? "-" : Long.toString(c.files()),
          c == null ? "-" : String.format(Locale.ROOT, "%.1f", c.bytes() / 1024.0));
    }
    Overhead o = overhead();
    out.printf(
        Locale.ROOT,
        "checkpoint overhead (1 - with/without, docs/s): best-of %.1f%% (%.0f / %.0f),"
            + " median %.1f%% (%.0f / %.0f)  target < %.0f%%%n",
        100 * o.best(),
        o.withBest(),
        o.withoutBest(),
        100 * o.median(),
        o.withMedian(),
        o.withoutMedian(),
        100 * TARGET_OVERHEAD);
    double[] perRound = perRound();
    out.printf(
        Locale.ROOT,
        "per round (back-to-back pairs): %s; median %.1f%%%n",
        Arrays.stream(perRound)
            .mapToObj(v -> String.format(Locale.ROOT, "%+.1f%%", 100 * v))
            .collect(Collectors.joining(" ")),
        100 * median(Arrays.stream(perRound).sorted().toArray()));
  }

  private void json() {
    Map<String, Object> setupLine = new LinkedHashMap<>();
    setupLine.put("figure", "setup");
    setupLine.putAll(setup);
    line(setupLine);
    for (CheckpointBenchRun r : runs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("figure", "load");
      m.put("phase", "checkpoint");
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
      LoadCounters counters = r.counters();
      m.put("bulk_requests", counters.bulkRequests());
      m.put("throttled", counters.throttled());
      m.put("retried_items", counters.retriedItems());
      m.put("peak_bytes_buffered", counters.peakBytesBuffered());
      m.put("latency_p50_ms", counters.latencyP50Millis());
      m.put("latency_p99_ms", counters.latencyP99Millis());
      m.put("latency_max_ms", counters.latencyMaxMillis());
      CheckpointWatch.Summary c = r.checkpoint();
      if (c != null) {
        m.put("checkpoint_partition_writes", c.partitionWrites());
        m.put("checkpoint_files", c.files());
        m.put("checkpoint_bytes", c.bytes());
      }
      line(m);
    }
    if (!runs.isEmpty()) {
      Overhead o = overhead();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("figure", "checkpoint_overhead");
      m.put("best_of", round(o.best()));
      m.put("median", round(o.median()));
      m.put("with_best_docs_per_s", round(o.withBest()));
      m.put("without_best_docs_per_s", round(o.withoutBest()));
      m.put("with_median_docs_per_s", round(o.withMedian()));
      m.put("without_median_docs_per_s", round(o.withoutMedian()));
      double[] perRound = perRound();
      m.put("per_round", Arrays.stream(perRound).map(CheckpointBenchReport::round).toArray());
      m.put("per_round_median", round(median(Arrays.stream(perRound).sorted().toArray())));
      m.put("target", TARGET_OVERHEAD);
      line(m);
    }
  }

  private double[] rates(boolean checkpointed) {
    return runs.stream()
        .filter(r -> r.checkpointed() == checkpointed)
        .mapToDouble(CheckpointBenchRun::docsPerSecond)
        .sorted()
        .toArray();
  }

  private static double best(double[] sorted) {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  private static double median(double[] sorted) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
