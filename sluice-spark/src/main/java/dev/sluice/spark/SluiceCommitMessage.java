package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.report.TaskRun;
import java.time.Instant;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What one finished task tells the driver: its counters, where its dead letters are, and when it
 * ran (its attempt, start and end), for the report's timeline.
 */
record SluiceCommitMessage(
    int partitionId,
    long taskId,
    LoadCounters counters,
    String deadLetterLocation,
    int attempt,
    Instant started,
    Instant ended)
    implements WriterCommitMessage {
  private static final long serialVersionUID = 2L;

  SluiceCommitMessage withDeadLetterLocation(String location) {
    return new SluiceCommitMessage(
        partitionId, taskId, counters, location, attempt, started, ended);
  }

  /** This task's entry in the report's timeline. */
  TaskRun run() {
    return new TaskRun(partitionId, attempt, started, ended, counters);
  }
}
