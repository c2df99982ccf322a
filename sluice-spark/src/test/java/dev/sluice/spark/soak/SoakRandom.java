package dev.sluice.spark.soak;

/** Independent random streams from one seed: scenario, input, and each node's faults. */
final class SoakRandom {
  private SoakRandom() {}

  /** The SplitMix64 finaliser of seed and stream: neighbouring seeds give unrelated streams. */
  static long mix(long seed, long stream) {
    long z = seed * 0x9E3779B97F4A7C15L + stream + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
