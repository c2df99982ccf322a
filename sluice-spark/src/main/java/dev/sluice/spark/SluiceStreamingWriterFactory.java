package dev.sluice.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;

/**
 * Sent to executors for each epoch; makes the same {@link SluiceDataWriter} a batch load uses, told
 * which epoch it writes. Carries the resolved configuration and what the driver read from Sluice's
 * epoch store when the epoch started.
 */
final class SluiceStreamingWriterFactory implements StreamingDataWriterFactory {
  private static final long serialVersionUID = 1L;
  private final SparkWriteConf conf;
  private final String run;
  private final long lastCommitted;
  private final boolean mayReplay;
  private final int partitions;

  /**
   * @param run this driver's run of the query (see {@link StreamEpoch#deadLetterNames})
   * @param lastCommitted the highest epoch Sluice recorded committed, -1 for none
   * @param mayReplay the first epoch of a run: Spark may be running an epoch an interrupted run
   *     started, so any row may already be in Elasticsearch
   */
  SluiceStreamingWriterFactory(
      SparkWriteConf conf, String run, long lastCommitted, boolean mayReplay, int partitions) {
    this.conf = conf;
    this.run = run;
    this.lastCommitted = lastCommitted;
    this.mayReplay = mayReplay;
    this.partitions = partitions;
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId, long epochId) {
    TaskContext task = TaskContext.get();
    boolean retriedTask = task != null && task.attemptNumber() > 0;
    StreamEpoch epoch =
        new StreamEpoch(
            epochId,
            StreamEpoch.deadLetterNames(conf.queryId(), epochId, run),
            epochId <= lastCommitted);
    return new SluiceDataWriter(
        conf,
        partitionId,
        taskId,
        new WriterStart(null, partitions, mayReplay || retriedTask, epoch));
  }
}
