package dev.sluice.core.flow;

import java.time.Clock;
import java.time.Duration;

/** How big batches are and how many requests may be in flight, now. */
public interface FlowControl {

  long batchBytes();

  int concurrency();

  /** The least time between the starts of two requests (zero: none). */
  default Duration gap() {
    return Duration.ZERO;
  }

  /** A token the sender records with each request and hands back in {@link #onResponse}. */
  long epoch();

  /** One request's outcome. */
  void onResponse(FlowSignal signal);

  /**
   * Asks to start one more request, with {@code inFlight} of this writer's in flight now. True: it
   * may, and {@link #release} must follow when the request ends (or is cancelled). False: its turn
   * comes later ({@link #onTurn} wakes it); it keeps buffering meanwhile.
   */
  default boolean acquire(int inFlight) {
    return inFlight < concurrency();
  }

  /** A request {@link #acquire} granted ended. */
  default void release() {}

  /** The writer has nothing worth sending now: it gives up its turn to the writers behind it. */
  default void withdraw() {}

  /** Nothing can start before a request ends or the writer's turn comes. */
  default boolean blocked(int inFlight) {
    return inFlight >= concurrency();
  }

  /** What wakes the writer when its turn to send comes. */
  default void onTurn(Runnable wake) {}

  /** The writer is done (or failed): its permits go back, later writers no longer count it. */
  default void close() {}

  /**
   * Adapts to the cluster ({@link FlowRule}).
   *
   * @param job names the writers that share hints in this JVM (one load into one index)
   */
  static FlowControl adaptive(
      long minBytes,
      long maxBytes,
      int maxConcurrency,
      Duration latencyTarget,
      String job,
      Clock clock) {
    FlowRule rule = new FlowRule(minBytes, maxBytes, maxConcurrency, latencyTarget);
    // Writers share a state only under the same limits: a load with smaller ones right after
    // another (es.batch.size.bytes lowered after a 413, concurrency lowered to spare the cluster)
    // started from the first load's state, its batches and requests in flight above its own limits.
    return new ProportionalFlowControl(rule, FlowHints.job(job + " " + rule, clock), clock);
  }

  /** Pinned values: what the user configured, whatever happens. */
  static FlowControl fixed(long batchBytes, int concurrency) {
    return new FlowControl() {
      @Override
      public long batchBytes() {
        return batchBytes;
      }

      @Override
      public int concurrency() {
        return concurrency;
      }

      @Override
      public long epoch() {
        return 0;
      }

      @Override
      public void onResponse(FlowSignal signal) {}
    };
  }
}
