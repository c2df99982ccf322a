package dev.sluice.bench;

import static dev.sluice.bench.ReportWriter.round;

import dev.sluice.core.LoadCounters;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/bench}'s figures: throughput, the tiny write queue, memory; see {@link ReportWriter}.
 */
final class BenchReport implements ReportWriter.Figures<LoadRun> {
  private static final double MIB = 1 << 20;

  private static final Table<LoadRun> MEMORY =
      new Table<LoadRun>()
          .left("phase", 10, LoadRun::phase)
          .left("run", 4, LoadRun::run)
          .left("loader", 9, LoadRun::variant)
          .number("peak held MiB", 14, 1, r -> r.counters().peakBytesBuffered() / MIB)
          .number("cap MiB", 10, 1, r -> r.memoryCap() / MIB)
          .right("of cap", 7, r -> Table.fixed(100.0 * heldShareOfCap(r), 0) + "%")
          .number("heap@start MiB", 13, 0, r -> r.usage().heapAtStart() / MIB)
          .number("peak heap MiB", 11, 0, r -> r.usage().peakHeap() / MIB)
          .number("peak-start MiB", 13, 0, r -> heapGrowth(r) / MIB)
          .number("pool peaks MiB", 12, 0, r -> r.usage().poolPeakSum() / MIB);

  private static final Table<LoadRun> THROTTLED =
      new Table<LoadRun>()
          .left("flow", 9, LoadRun::variant)
          .number("seconds", 9, 2, LoadRun::seconds)
          .number("docs/s", 10, 0, LoadRun::docsPerSecond)
          .number("MB/s", 7, 2, LoadRun::megabytesPerSecond)
          .right("throttled", 10, r -> r.counters().throttled())
          .right("retried items", 13, r -> r.counters().retriedItems())
          .right("retried requests", 16, r -> r.counters().retriedRequests())
          .right("dead letters", 12, r -> r.counters().deadLettered())
          .right("bulk requests", 13, r -> r.counters().bulkRequests())
          .right("p50 ms", 8, r -> r.counters().latencyP50Millis())
          .right("p99 ms", 8, r -> r.counters().latencyP99Millis());

  private final List<LoadRun> runs;
  private final Map<String, String> sluiceOptions;

  /**
   * @param sluiceOptions the options Sluice was given over its defaults
   */
  BenchReport(List<LoadRun> runs, Map<String, String> sluiceOptions) {
    this.runs = runs;
    this.sluiceOptions = sluiceOptions;
  }

  @Override
  public void tables(PrintStream out) {
    if (!phase("throughput").isEmpty()) {
      new ThroughputTable(phase("throughput"), sluiceOptions).print(out);
    }
    memory(out);
    throttled(out);
  }

  private void memory(PrintStream out) {
    List<LoadRun> list = runs.stream().filter(r -> r.counters() != null).toList();
    if (list.isEmpty()) {
      return;
    }
    out.println();
    out.println("-- 3. Memory (Sluice: bytes buffered + in flight vs cap; this JVM's heap) --");
    MEMORY.print(out, list);
    out.println(
        "(heap@start holds the pre-generated sources of every document; peak-start includes garbage"
            + " not yet collected, so it is an upper bound of what the loader kept.)");
  }

  private void throttled(PrintStream out) {
    List<LoadRun> list = phase("throttled");
    if (list.isEmpty()) {
      return;
    }
    out.println();
    out.println("-- 2. Tiny write queue (thread_pool.write size 1, queue 1: real 429s) --");
    THROTTLED.print(out, list);
  }

  @Override
  public void loadFields(LoadRun r, Map<String, Object> m) {
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
      m.put("waited_for_memory_ms", c.waitedForMemoryMillis());
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
  }

  @Override
  public List<Map<String, Object>> summaries() {
    if (phase("throughput").isEmpty()) {
      return List.of();
    }
    ThroughputRatio ratio = ThroughputRatio.of(phase("throughput"));
    Map<String, Object> m = ReportWriter.figure("throughput_ratio");
    m.put("median_of_rounds", round(ratio.medianOfRounds()));
    m.put("round_ratios", ratio.rounds().stream().map(ReportWriter::round).toList());
    m.put("round_ratio_min", round(ratio.roundMin()));
    m.put("round_ratio_max", round(ratio.roundMax()));
    m.put("pooled", round(ratio.pooled()));
    m.put("best_of", round(ratio.best()));
    m.put("median", round(ratio.median()));
    m.put("sluice_best_docs_per_s", round(ratio.sluiceBest()));
    m.put("baseline_best_docs_per_s", round(ratio.baselineBest()));
    m.put("sluice_median_docs_per_s", round(ratio.sluiceMedian()));
    m.put("baseline_median_docs_per_s", round(ratio.baselineMedian()));
    m.put("target", ThroughputRatio.TARGET);
    return List.of(m);
  }

  private static double heldShareOfCap(LoadRun r) {
    return (double) r.counters().peakBytesBuffered() / r.memoryCap();
  }

  /** An upper bound of what the loader kept: garbage not yet collected counts too. */
  private static long heapGrowth(LoadRun r) {
    return r.usage().peakHeap() - r.usage().heapAtStart();
  }

  private List<LoadRun> phase(String phase) {
    return runs.stream().filter(r -> r.phase().equals(phase)).toList();
  }
}
