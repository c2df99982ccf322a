package dev.sluice.core;

import dev.sluice.core.report.DeadLetterSamples;
import dev.sluice.core.report.TimeSeries;

/**
 * What a finished load did.
 *
 * @param deadLetterLocation where dead letters were written, or null if there were none
 * @param series what the load did over time, for the report's charts
 * @param deadLetterSamples the first few dead letters of each reason, for the report's page
 */
public record LoadResult(
    LoadCounters counters,
    String deadLetterLocation,
    TimeSeries series,
    DeadLetterSamples deadLetterSamples) {

  /** A result without a series or samples (a load that did not sample them). */
  public LoadResult(LoadCounters counters, String deadLetterLocation) {
    this(counters, deadLetterLocation, TimeSeries.empty(), DeadLetterSamples.empty());
  }

  /** {@code read == indexed + deadLettered + skippedByCheckpoint}: nothing was lost silently. */
  public boolean reconciles() {
    return counters.reconciles();
  }

  /** One sentence for logs and reports, see {@link LoadCounters#reconciliation()}. */
  public String reconciliation() {
    return counters.reconciliation();
  }
}
