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

  /**
   * @param checkpointStatus what the job's checkpoint says (null without one): FINISHED, writers
   *     skip every row; RESUMING, an earlier run may have delivered any row
   */
  SluiceWriterFactory(SparkWriteConf conf, JobCheckpoint.Status checkpointStatus) {
    this.conf = conf;
    this.checkpointStatus = checkpointStatus;
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    TaskContext task = TaskContext.get();
    // A retried task repeats what its failed attempt may have delivered.
    boolean retriedTask = task != null && task.attemptNumber() > 0;
    return new SluiceDataWriter(
        conf,
        partitionId,
        taskId,
        checkpointStatus == JobCheckpoint.Status.FINISHED,
        checkpointStatus == JobCheckpoint.Status.RESUMING || retriedTask);
  }
}
