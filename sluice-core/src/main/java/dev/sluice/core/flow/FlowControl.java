package dev.sluice.core.flow;

import java.time.Duration;

/** How big batches are and how many requests may be in flight, now. */
public interface FlowControl {

  long batchBytes();

  int concurrency();

  /** A token the sender records with each request and hands back in {@link #onResponse}. */
  long epoch();

  /**
   * One request's outcome.
   *
   * @param sentEpoch {@link #epoch()} when the request was sent
   * @param throttled a 429 for the request or any throttled item in it
   */
  void onResponse(long sentEpoch, Duration latency, boolean throttled);

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
      public void onResponse(long sentEpoch, Duration latency, boolean throttled) {}
    };
  }
}
