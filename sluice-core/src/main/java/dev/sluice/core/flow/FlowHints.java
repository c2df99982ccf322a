package dev.sluice.core.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The writers of one job in this JVM (the tasks of one Spark executor writing one index, under the
 * same limits: batch bytes, concurrency, floor and latency target) share one {@link FlowState},
 * moved by the cluster's answers to any of them, and its requests in flight: the job's batch bytes
 * and concurrency, which its writers take turns for ({@link SendPermits}). Each writer for itself
 * made a small node's refusals land on whichever writers happened to send then: they backed off
 * while the others got through (Jain's index 0.78 with 16 writers), and each had to be refused
 * before it slowed down; a shared budget split evenly still kept one small request per writer in
 * flight. Nothing crosses JVMs.
 */
final class FlowHints {
  /**
   * A job's state unused for this long says little about the cluster now: the next writer starts.
   */
  static final Duration FRESH = Duration.ofSeconds(30);

  private static final ConcurrentMap<String, Job> JOBS = new ConcurrentHashMap<>();

  private FlowHints() {}

  static Job job(String key, Clock clock) {
    return JOBS.computeIfAbsent(key, k -> new Job(clock));
  }

  /**
   * The writers of one job, their shared state and their permits to send. Thread-safe: every change
   * under its lock; writers whose turn comes are woken outside it.
   */
  static final class Job {
    private final SendPermits<ProportionalFlowControl> permits;
    private int live;
    private FlowState state;
    private Instant touched;

    Job(Clock clock) {
      this.permits = new SendPermits<>(clock);
    }

    /**
     * Counts a writer in. The state is the job's, as if one writer sent every request: a writer
     * that joins shares its batches and permits, or starts the job afresh when no writer used it
     * for {@link #FRESH}.
     */
    synchronized void join(FlowRule rule, Instant now) {
      if (state == null || (live == 0 && touched.plus(FRESH).isBefore(now))) {
        state = rule.start();
      }
      live++;
      touched = now;
    }

    /** Counts a writer out; its permits go back and its place in line to those behind. */
    void leave(ProportionalFlowControl writer, Instant now) {
      List<ProportionalFlowControl> turns;
      synchronized (this) {
        live--;
        touched = now;
        turns = permits.leave(writer, state.concurrency());
      }
      wake(turns);
    }

    /** A cut applies to every writer at once and counts once; growth is per response, as one. */
    synchronized void onResponse(FlowRule rule, FlowSignal signal, Instant now) {
      state = rule.next(state, signal);
      touched = now;
    }

    synchronized boolean acquire(ProportionalFlowControl writer) {
      return permits.acquire(writer, state.concurrency());
    }

    void release(ProportionalFlowControl writer) {
      List<ProportionalFlowControl> turns;
      synchronized (this) {
        turns = permits.release(writer, state.concurrency());
      }
      wake(turns);
    }

    void withdraw(ProportionalFlowControl writer) {
      List<ProportionalFlowControl> turns;
      synchronized (this) {
        turns = permits.withdraw(writer, state.concurrency());
      }
      wake(turns);
    }

    synchronized boolean waiting(ProportionalFlowControl writer) {
      return permits.waiting(writer);
    }

    synchronized FlowState state() {
      return state;
    }

    synchronized int live() {
      return live;
    }

    synchronized int inFlight() {
      return permits.inFlight();
    }

    private static void wake(List<ProportionalFlowControl> turns) {
      turns.forEach(ProportionalFlowControl::yourTurn);
    }
  }
}
