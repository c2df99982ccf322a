package dev.sluice.bench;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;

/**
 * One measured load of {@code bin/bench}.
 *
 * @param phase "throughput" or "throttled"
 * @param variant "baseline", "sluice", "adaptive" or "fixed"
 * @param counters Sluice's counters; null for the baseline
 * @param memoryCap Sluice's configured {@code sluice.memory.max.bytes}; 0 for the baseline
 * @param node what the node reported doing during the load; null where not measured
 * @param settled how the node settled before the load; null where it was not waited for
 */
record LoadRun(
    String phase,
    String variant,
    int run,
    long docs,
    long bodyBytes,
    long nanos,
    ResourceMeter.Usage usage,
    LoadCounters counters,
    long memoryCap,
    NodeActivity node,
    NodeSettler.Settled settled)
    implements TimedLoad {

  static LoadRun baseline(int run, BulkBodies bodies, Loads.Measured measured) {
    return new LoadRun(
        "throughput",
        "baseline",
        run,
        bodies.docs(),
        bodies.totalBytes(),
        measured.nanos(),
        measured.usage(),
        null,
        0,
        measured.node(),
        measured.settled());
  }

  static LoadRun sluice(
      String phase,
      String variant,
      int run,
      LoadResult result,
      Loads.Measured measured,
      long memoryCap) {
    LoadCounters c = result.counters();
    return new LoadRun(
        phase,
        variant,
        run,
        c.read(),
        c.bytesSent(),
        measured.nanos(),
        measured.usage(),
        c,
        memoryCap,
        measured.node(),
        measured.settled());
  }
}
