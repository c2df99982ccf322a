package dev.sluice.core.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The writers of one job in this JVM (the tasks of one Spark executor writing one index) share one
 * {@link FlowState}: one budget the cluster's answers to any of them move, split evenly among them.
 * Each writer for itself made a small node's refusals land on whichever writers happened to send
 * then: they backed off while the others got through (Jain's index 0.78 with 16 writers), and each
 * had to be refused before it slowed down. Nothing crosses JVMs.
 */
final class FlowHints {
  /**
   * A job's state unused for this long says little about the cluster now: the next writer starts.
   */
  static final Duration FRESH = Duration.ofSeconds(30);

  private static final ConcurrentMap<String, Job> JOBS = new ConcurrentHashMap<>();

  private FlowHints() {}

  static Job job(String key) {
    return JOBS.computeIfAbsent(key, k -> new Job());
  }

  /** The writers of one job and their shared state. Thread-safe: every change under its lock. */
  static final class Job {
    private int live;
    private FlowState state;
    private Instant touched;

    /**
     * Counts a writer in. It takes its share of the job's budget (the others' batches shrink to
     * keep the sum), or starts the job afresh when no writer used it for {@link #FRESH}.
     */
    synchronized void join(FlowRule rule, Instant now) {
      if (state == null || (live == 0 && touched.plus(FRESH).isBefore(now))) {
        state = rule.start();
      } else if (live > 0) {
        state = rule.rescale(state, live, live + 1);
      }
      live++;
      touched = now;
    }

    /** Counts a writer out; its share goes back to the others. */
    synchronized void leave(FlowRule rule, Instant now) {
      live--;
      if (live > 0) {
        state = rule.rescale(state, live + 1, live);
      }
      touched = now;
    }

    synchronized void onResponse(FlowRule rule, FlowSignal signal, Instant now) {
      state = rule.next(state, signal, Math.max(1, live));
      touched = now;
    }

    synchronized FlowState state() {
      return state;
    }

    synchronized int live() {
      return live;
    }
  }
}
