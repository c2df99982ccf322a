package dev.sluice.bench;

import static dev.sluice.bench.ReportWriter.round;

import dev.sluice.core.LoadCounters;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code bin/bench-checkpoint}'s figures: each load and the overhead; see {@link ReportWriter}. */
final class CheckpointBenchReport implements ReportWriter.Figures<CheckpointBenchRun> {
  /** Issue #5: checkpoint writes cost under 5% of throughput. */
  static final double TARGET_OVERHEAD = 0.05;

  private static final Table<CheckpointBenchRun> TABLE =
      new Table<CheckpointBenchRun>()
          .left("run", 4, CheckpointBenchRun::run)
          .left("variant", 19, CheckpointBenchRun::variant)
          .number("seconds", 8, 2, CheckpointBenchRun::seconds)
          .number("docs/s", 10, 0, CheckpointBenchRun::docsPerSecond)
          .number("MB/s", 7, 2, CheckpointBenchRun::megabytesPerSecond)
          .number("client CPU s", 12, 2, r -> r.usage().clientCpuNanos() / 1e9)
          .number("ES CPU s", 9, 2, r -> r.usage().esCpuNanos() / 1e9)
          .right("GCs", 5, r -> r.usage().gcCount())
          .right("GC ms", 7, r -> r.usage().gcMillis())
          .right("bulk reqs", 9, r -> r.counters().bulkRequests())
          .right("p50 ms", 7, r -> r.counters().latencyP50Millis())
          .right("p99 ms", 7, r -> r.counters().latencyP99Millis())
          .right("ckpt writes", 13, r -> checkpoint(r, CheckpointBenchReport::writes))
          .right("ckpt files", 11, r -> checkpoint(r, CheckpointWatch.Summary::files))
          .right("ckpt KiB", 10, r -> checkpoint(r, c -> Table.fixed(c.bytes() / 1024.0, 1)));

  private final List<CheckpointBenchRun> runs;

  CheckpointBenchReport(List<CheckpointBenchRun> runs) {
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
        Stats.max(rates(true)),
        Stats.max(rates(false)),
        Stats.median(rates(true)),
        Stats.median(rates(false)));
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

  @Override
  public void tables(PrintStream out) {
    if (runs.isEmpty()) {
      return;
    }
    out.println();
    out.println("-- Spark load, default settings, without vs with sluice.checkpoint.path --");
    TABLE.print(out, runs);
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
        100 * Stats.median(perRound));
  }

  /** What the checkpoint directory saw, or "-" without a checkpoint. */
  private static Object checkpoint(
      CheckpointBenchRun r, Function<CheckpointWatch.Summary, ?> figure) {
    return r.checkpoint() == null ? "-" : figure.apply(r.checkpoint());
  }

  private static String writes(CheckpointWatch.Summary c) {
    return c.partitionWrites() < 0 ? "lost" : Long.toString(c.partitionWrites());
  }

  @Override
  public void loadFields(CheckpointBenchRun r, Map<String, Object> m) {
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
  }

  @Override
  public List<Map<String, Object>> summaries() {
    if (runs.isEmpty()) {
      return List.of();
    }
    Overhead o = overhead();
    Map<String, Object> m = ReportWriter.figure("checkpoint_overhead");
    m.put("best_of", round(o.best()));
    m.put("median", round(o.median()));
    m.put("with_best_docs_per_s", round(o.withBest()));
    m.put("without_best_docs_per_s", round(o.withoutBest()));
    m.put("with_median_docs_per_s", round(o.withMedian()));
    m.put("without_median_docs_per_s", round(o.withoutMedian()));
    double[] perRound = perRound();
    m.put("per_round", Arrays.stream(perRound).map(ReportWriter::round).toArray());
    m.put("per_round_median", round(Stats.median(perRound)));
    m.put("target", TARGET_OVERHEAD);
    return List.of(m);
  }

  private double[] rates(boolean checkpointed) {
    return runs.stream()
        .filter(r -> r.checkpointed() == checkpointed)
        .mapToDouble(CheckpointBenchRun::docsPerSecond)
        .toArray();
  }
}
