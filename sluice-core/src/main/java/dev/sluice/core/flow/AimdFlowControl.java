package dev.sluice.core.flow;

import java.time.Duration;

/**
 * Additive increase, multiplicative decrease, as TCP does, for the same reason: many writers share
 * one cluster and AIMD converges to a fair share without any writer knowing the others. It starts
 * at the configured maximum (a healthy cluster loses nothing), halves batch bytes and concurrency
 * on a 429, throttled items or latency above the target, and grows back by a fixed step per healthy
 * response. Responses to requests sent before the last cut are not counted against the new values,
 * so one burst of 429s cuts once, not once per request in flight.
 */
public final class AimdFlowControl implements FlowControl {
  /** Healthy responses needed before one more request may be in flight. */
  static final int HEALTHY_RESPONSES_PER_EXTRA_REQUEST = 4;

  private final long minBytes;
  private final long maxBytes;
  private final int maxConcurrency;
  private final Duration latencyTarget;
  private final long byteStep;

  private long bytes;
  private int concurrency;
  private long epoch;
  private int healthyStreak;

  public AimdFlowControl(long minBytes, long maxBytes, int maxConcurrency, Duration latencyTarget) {
    if (minBytes < 1 || minBytes > maxBytes || maxConcurrency < 1) {
      throw new IllegalArgumentException("need 1 <= minBytes <= maxBytes and maxConcurrency >= 1");
    }
    this.minBytes = minBytes;
    this.maxBytes = maxBytes;
    this.maxConcurrency = maxConcurrency;
    this.latencyTarget = latencyTarget;
    this.byteStep = Math.max(1, Math.max(minBytes / 2, maxBytes / 16));
    this.bytes = maxBytes;
    this.concurrency = maxConcurrency;
  }

  @Override
  public synchronized long batchBytes() {
    return bytes;
  }

  @Override
  public synchronized int concurrency() {
    return concurrency;
  }

  @Override
  public synchronized long epoch() {
    return epoch;
  }

  @Override
  public synchronized void onResponse(long sentEpoch, Duration latency, boolean throttled) {
    boolean overloaded = throttled || latency.compareTo(latencyTarget) > 0;
    if (sentEpoch < epoch) {
      return; // sent before the last cut: says nothing about the current values
    }
    if (overloaded) {
      bytes = Math.max(minBytes, bytes / 2);
      concurrency = Math.max(1, concurrency / 2);
      epoch++;
      healthyStreak = 0;
      return;
    }
    bytes = Math.min(maxBytes, bytes + byteStep);
    if (++healthyStreak >= HEALTHY_RESPONSES_PER_EXTRA_REQUEST) {
      concurrency = Math.min(maxConcurrency, concurrency + 1);
      healthyStreak = 0;
    }
  }
}
