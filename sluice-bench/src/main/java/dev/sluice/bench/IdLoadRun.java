package dev.sluice.bench;

/**
 * One timed load of {@code bin/bench-ids}: the same documents through Sluice's engine with one id
 * candidate.
 *
 * @param idChars average id length in characters (0 for generated ids)
 */
record IdLoadRun(
    IdCandidate candidate,
    int run,
    long docs,
    long bodyBytes,
    long nanos,
    ResourceMeter.Usage usage,
    NodeActivity node,
    double idChars)
    implements TimedLoad {

  @Override
  public String phase() {
    return "ids";
  }

  @Override
  public String variant() {
    return candidate.label();
  }

  /** Elasticsearch's CPU seconds per million documents. */
  double esCpuPerMillion() {
    return usage.esCpuNanos() / 1e9 / (docs / 1e6);
  }
}
