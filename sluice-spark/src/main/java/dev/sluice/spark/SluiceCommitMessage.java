package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** What one finished task tells the driver: its counters and where its dead letters are. */
record SluiceCommitMessage(
    int partitionId, long taskId, LoadCounters counters, String deadLetterLocation)
    implements WriterCommitMessage {
  private static final long serialVersionUID = 1L;
}
