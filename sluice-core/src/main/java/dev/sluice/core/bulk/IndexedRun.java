package dev.sluice.core.bulk;

import dev.sluice.core.report.Counters;
import java.util.Objects;

/**
 * Counts successes in runs of the same result and index: a response's items are nearly all alike,
 * and counting each one took the counters' sampler lock and clock once per document. Owned by the
 * writer loop thread.
 */
final class IndexedRun {
  private final Counters counters;
  private String result;
  private String index;
  private long size;

  IndexedRun(Counters counters) {
    this.counters = counters;
  }

  void count(String result, String index) {
    if (size > 0 && !(Objects.equals(result, this.result) && Objects.equals(index, this.index))) {
      flush();
    }
    this.result = result;
    this.index = index;
    size++;
  }

  /** Hands the run to the counters. */
  void flush() {
    if (size > 0) {
      counters.indexed(result, index, size);
      size = 0;
    }
  }
}
