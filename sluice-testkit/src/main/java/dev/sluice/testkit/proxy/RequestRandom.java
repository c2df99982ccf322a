package dev.sluice.testkit.proxy;

import java.util.Random;

/**
 * The random source of one matching request: a function of the proxy's seed and the request's
 * ordinal, so that concurrent requests do not make each other's draws depend on timing.
 */
final class RequestRandom {
  private RequestRandom() {}

  static Random of(long seed, long ordinal) {
    // java.util.Random gives correlated first draws for neighbouring seeds, so mix first
    // (the SplitMix64 finaliser).
    long z = seed + (ordinal + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }
}
