package dev.sluice.spark;

import dev.sluice.core.checkpoint.JobCheckpoint;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;

/** Sent to executors; carries only the resolved write configuration. */
final class SluiceWriterFactory implements DataWriterFactory {
  private static final long serialVersionUID = 1L;
  private final SparkWriteConf conf;
  private final JobCheckpoint.Status checkpointStatus;
  private final int partitions;

  /**
   * @param checkpointStatus what the job's checkpoint says (null without one): FINISHED, writers
   *     skip every row; RESUMING, an earlier run may have delivered any row
   * @param partitions how many partitions the input has: progress recorded under another split
   *     proves nothing about a partition's rows
   */
  SluiceWriterFactory(SparkWriteConf conf, JobCheckpoint.Status checkpointStatus, int partitions) {
    this.conf = conf;
    this.checkpointStatus = checkpointStatus;
    this.partitions = partitions;
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    TaskContext task = TaskContext.get();
    // A retried task repeats what its failed attempt may have delivered.
    boolean retriedTask = task != null && task.attemptNumber() > 0;
    boolean replay = checkpointStatus == JobCheckpoint.Status.RESUMING || retriedTask;
    return new SluiceDataWriter(
        conf, partitionId, taskId, new WriterStart(checkpointStatus, partitions, replay));
  }
}
