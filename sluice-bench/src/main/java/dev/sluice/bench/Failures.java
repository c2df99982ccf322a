package dev.sluice.bench;

import dev.sluice.core.LoadCounters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What went wrong in a benchmark's loads; any entry fails the benchmark (exit 1). */
final class Failures {
  private final List<String> failures = new ArrayList<>();

  void add(String failure) {
    failures.add(failure);
  }

  /**
   * A load must index every document and dead-letter none: the benchmarks' documents are all valid.
   *
   * @param what the load, for the message
   * @param reconciles whether read = indexed + dead-lettered + skipped held
   * @param explanation what to show with a wrong count
   */
  void checkCounters(
      String what, LoadCounters c, boolean reconciles, long expected, String explanation) {
    if (c.deadLettered() != 0) {
      add(
          what
              + ": "
              + c.deadLettered()
              + " DEAD LETTERS "
              + c.deadLetteredByReason()
              + " (must be 0)");
    }
    if (!reconciles || c.indexed() != expected) {
      add(what + ": expected " + expected + " indexed; " + explanation);
    }
  }

  /** Checks that {@code name} holds {@code expected} documents, then deletes it either way. */
  void checkIndex(BenchIndex index, String name, long expected, String what) {
    try {
      index.verify(name, expected);
    } catch (IllegalStateException e) {
      add(what + ": " + e.getMessage());
    } finally {
      index.delete(name);
    }
  }

  boolean none() {
    return failures.isEmpty();
  }

  void print(PrintStream out) {
    failures.forEach(f -> out.println("BENCHMARK FAILED: " + f));
  }
}
