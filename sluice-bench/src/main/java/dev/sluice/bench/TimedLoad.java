package dev.sluice.bench;

import java.util.Locale;

/** One timed load, of either benchmark, and the figures every load has. */
interface TimedLoad {
  /** The part of the benchmark the load belongs to, e.g. "throughput". */
  String phase();

  /** What was loaded how, e.g. "baseline" or "with_checkpoint". */
  String variant();

  /** The round, from 1. */
  int run();

  long docs();

  /** Request body bytes sent (action + source lines; retries included for Sluice). */
  long bodyBytes();

  long nanos();

  ResourceMeter.Usage usage();

  default double seconds() {
    return nanos() / 1e9;
  }

  default double docsPerSecond() {
    return docs() / seconds();
  }

  /** Megabytes (10^6 bytes) of request body per second. */
  default double megabytesPerSecond() {
    return bodyBytes() / 1e6 / seconds();
  }

  /** "N docs in S s = R docs/s", for the log. */
  default String summary() {
    return String.format(
        Locale.ROOT, "%d docs in %.2f s = %.0f docs/s", docs(), seconds(), docsPerSecond());
  }
}
