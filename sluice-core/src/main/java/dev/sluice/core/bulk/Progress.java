package dev.sluice.core.bulk;

import dev.sluice.core.LoadListener;
import dev.sluice.core.report.Counters;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives the listener a counters snapshot once a second while the load runs, and at its end. */
final class Progress {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
  private static final Duration EVERY = Duration.ofSeconds(1);

  private final String writerId;
  private final Counters counters;
  private final ByteBudget budget;
  private final LoadListener listener;
  private Instant next;

  Progress(String writerId, Counters counters, ByteBudget budget, LoadListener listener) {
    this.writerId = writerId;
    this.counters = counters;
    this.budget = budget;
    this.listener = listener;
  }

  /** When the next snapshot is due; null before the first. */
  Instant nextDue() {
    return next;
  }

  void report(Instant now, boolean force) {
    if (force || next == null || !now.isBefore(next)) {
      next = now.plus(EVERY);
      try {
        listener.onProgress(counters.snapshot(budget.peak()));
      } catch (RuntimeException e) {
        LOG.warn("writer={} progress listener failed: {}", writerId, e.toString());
      }
    }
  }
}
