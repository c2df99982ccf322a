package dev.sluice.core;

/**
 * What a finished load did.
 *
 * @param deadLetterLocation where dead letters were written, or null if there were none
 */
public record LoadResult(LoadCounters counters, String deadLetterLocation) {

  /** {@code read == indexed + deadLettered}: nothing was lost silently. */
  public boolean reconciles() {
    return counters.reconciles();
  }

  /** One sentence for logs and reports, e.g. "read 1000 = indexed 999 + dead-lettered 1". */
  public String reconciliation() {
    LoadCounters c = counters;
    String relation = reconciles() ? "=" : "!=";
    return "read "
        + c.read()
        + " "
        + relation
        + " indexed "
        + c.indexed()
        + " + dead-lettered "
        + c.deadLettered();
  }
}
