package dev.sluice.core.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the writers of one job in this JVM (the tasks of one Spark executor) tell each other: how
 * many are writing, and where the last cut left one of them. Only new writers read it; no writer is
 * steered by another once it runs, and nothing crosses JVMs.
 */
final class FlowHints {
  /** A cut older than this says little about the cluster now. */
  static final Duration FRESH = Duration.ofSeconds(30);

  private static final ConcurrentMap<String, Job> JOBS = new ConcurrentHashMap<>();

  private FlowHints() {}

  static Job job(String key) {
    return JOBS.computeIfAbsent(key, k -> new Job());
  }

  /** The writers of one job. Thread-safe. */
  static final class Job {
    private record Cut(FlowState state, Instant at) {}

    private final AtomicInteger live = new AtomicInteger();
    private volatile Cut lastCut;

    /** Counts a writer in; returns the live writers, this one included. */
    int join() {
      return live.incrementAndGet();
    }

    void leave() {
      live.decrementAndGet();
    }

    int live() {
      return live.get();
    }

    void cut(FlowState state, Instant at) {
      lastCut = new Cut(state, at);
    }

    /** The state after the last cut of a writer of this job, if it is fresh at {@code now}. */
    FlowState recentCut(Instant now) {
      Cut cut = lastCut;
      return cut == null || cut.at().plus(FRESH).isBefore(now) ? null : cut.state();
    }
  }
}
