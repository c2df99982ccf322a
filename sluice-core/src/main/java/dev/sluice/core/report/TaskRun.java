package dev.sluice.core.report;

import dev.sluice.core.LoadCounters;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a run's timeline: when a task wrote its partition and what it did, so a report can
 * show when each partition ran and how fast.
 *
 * @param partition the partition the task wrote
 * @param attempt the task's attempt number (0 for the first; a retried task has 1 and up)
 * @param counters what the task counted, skipped-by-checkpoint records included
 */
public record TaskRun(
    int partition, int attempt, Instant started, Instant ended, LoadCounters counters)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TaskRun {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    Objects.requireNonNull(counters, "counters");
    if (ended.isBefore(started)) {
      throw new IllegalArgumentException(
          "partition " + partition + " ended at " + ended + ", before it started at " + started);
    }
  }

  public Duration elapsed() {
    return Duration.between(started, ended);
  }

  /** Documents this task settled: indexed or dead-lettered (not those the checkpoint skipped). */
  public long settled() {
    return counters.indexed() + counters.merged() + counters.deadLettered();
  }

  /** Documents settled per second while the task ran; 0 for no time. */
  public double docsPerSecond() {
    return RunReport.perSecond(settled(), elapsed());
  }
}
