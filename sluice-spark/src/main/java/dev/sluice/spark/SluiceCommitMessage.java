package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.report.DeadLetterSamples;
import dev.sluice.core.report.TaskRun;
import dev.sluice.core.report.TimeSeries;
import java.time.Instant;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What one finished task tells the driver: its counters, where its dead letters are, when it ran
 * (its attempt, start and end) for the report's timeline, what it did over time (a small series:
 * its writer coarsens buckets on a long task) and a few of its dead letters per reason.
 */
record SluiceCommitMessage(
    int partitionId,
    long taskId,
    LoadCounters counters,
    String deadLetterLocation,
    int attempt,
    Instant started,
    Instant ended,
    TimeSeries series,
    DeadLetterSamples deadLetterSamples)
    implements WriterCommitMessage {
  private static final long serialVersionUID = 3L;

  SluiceCommitMessage withDeadLetterLocation(String location) {
    return new SluiceCommitMessage(
        partitionId,
        taskId,
        counters,
        location,
        attempt,
        started,
        ended,
        series,
        deadLetterSamples);
  }

  /** This task's entry in the report's timeline. */
  TaskRun run() {
    return new TaskRun(partitionId, attempt, started, ended, counters);
  }
}
