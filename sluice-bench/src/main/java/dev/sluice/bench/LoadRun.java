package dev.sluice.bench;

import dev.sluice.core.LoadCounters;

/**
 * One measured load.
 *
 * @param phase "throughput" or "throttled"
 * @param variant "baseline", "sluice", "adaptive" or "fixed"
 * @param bodyBytes request body bytes sent (action + source lines; retries included for Sluice)
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
    NodeSettler.Settled settled) {

  double seconds() {
    return nanos / 1e9;
  }

  double docsPerSecond() {
    return docs / seconds();
  }

  /** Megabytes (10^6 bytes) of request body per second. */
  double megabytesPerSecond() {
    return bodyBytes / 1e6 / seconds();
  }
}
