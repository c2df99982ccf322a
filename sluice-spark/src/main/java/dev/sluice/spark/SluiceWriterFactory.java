package dev.sluice.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;

/** Sent to executors; carries only the resolved write configuration. */
final class SluiceWriterFactory implements DataWriterFactory {
  private static final long serialVersionUID = 1L;
  private final SparkWriteConf conf;
  private final boolean jobFinished;

  /**
   * @param jobFinished the job's checkpoint says it already finished: writers skip every row
   */
  SluiceWriterFactory(SparkWriteConf conf, boolean jobFinished) {
    this.conf = conf;
    this.jobFinished = jobFinished;
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    return new SluiceDataWriter(conf, partitionId, taskId, jobFinished);
  }
}
