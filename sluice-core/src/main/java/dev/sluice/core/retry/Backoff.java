package dev.sluice.core.retry;

import java.time.Duration;

/**
 * Capped exponential backoff with full jitter: the n-th retry waits a uniformly random time in
 * {@code [0, min(cap, base * 2^(n-1)))}. The cap is applied before the jitter so that clients at
 * the cap still spread out instead of all waiting exactly the cap. A zero base means no wait at all
 * ({@code es.batch.write.retry.wait=0}), whatever the cap.
 */
public record Backoff(Duration base, Duration cap) {

  public Backoff {
    if (base.isNegative() || cap.isNegative() || base.compareTo(cap) > 0) {
      throw new IllegalArgumentException("need 0 <= base <= cap, got " + base + " and " + cap);
    }
  }

  /**
   * The delay before retry number {@code retry} (1 = first retry).
   *
   * @param unitRandom a random number in [0, 1), drawn by the caller (injected in tests)
   */
  public Duration delay(int retry, double unitRandom) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
    }
    if (unitRandom < 0.0 || unitRandom >= 1.0) {
      throw new IllegalArgumentException("unitRandom must be in [0, 1), got " + unitRandom);
    }
    long baseNanos = base.toNanos();
    long capNanos = cap.toNanos();
    int shift = Math.min(retry - 1, 62);
    long ceiling = baseNanos > (capNanos >> shift) ? capNanos : baseNanos << shift;
    return Duration.ofNanos((long) (ceiling * unitRandom));
  }
}
