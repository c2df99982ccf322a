package dev.sluice.core.report;

import dev.sluice.core.LoadCounters;

/**
 * {@code read = indexed + dead_lettered + skipped_by_checkpoint} over what the report saw. When
 * some tasks never reported (a failed or cancelled job), the counts are partial, and the report
 * says so instead of claiming it reconciles.
 *
 * @param tasksReported tasks whose counters are in {@code counters}
 * @param tasks tasks the job had
 */
public record Reconciliation(LoadCounters counters, int tasksReported, int tasks) {

  /** Every task reported its counters. */
  public boolean complete() {
    return tasksReported >= tasks;
  }

  /** The counters that were seen add up. */
  public boolean balanced() {
    return counters.reconciles();
  }

  /** Complete and balanced: nothing was lost silently. */
  public boolean reconciles() {
    return complete() && balanced();
  }

  /** One sentence, e.g. "read 10 = indexed 9 + ..." or "partial: 1 of 4 tasks reported; ...". */
  public String statement() {
    return complete()
        ? counters.reconciliation()
        : "partial: only "
            + tasksReported
            + " of "
            + tasks
            + " tasks reported, so the counts cover what those saw; "
            + counters.reconciliation();
  }
}
