package dev.sluice.core;

/**
 * What a finished load did.
 *
 * @param deadLetterLocation where dead letters were written, or null if there were none
 */
public record LoadResult(LoadCounters counters, String deadLetterLocation) {

  /** {@code read == indexed + deadLettered + skippedByCheckpoint}: nothing was lost silently. */
  public boolean reconciles() {
    return counters.reconciles();
  }

  /** One sentence for logs and reports, see {@link LoadCounters#reconciliation()}. */
  public String reconciliation() {
    return counters.reconciliation();
  }
}
