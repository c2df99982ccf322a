package dev.sluice.spark;

import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The driver's side of a load: hands out the writer factory and sums up what the tasks did. */
final class SluiceBatchWrite implements BatchWrite {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceBatchWrite.class);
  private final SparkWriteConf conf;

  SluiceBatchWrite(SparkWriteConf conf) {
    this.conf = conf;
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    LOG.info(
        "Sluice load {} into {} with {} partitions, options {}",
        conf.queryId(),
        conf.engine().defaultIndex(),
        info.numPartitions(),
        conf.engine().toRedactedMap());
    return new SluiceWriterFactory(conf);
  }

  // Documents are in Elasticsearch once a task commits; there is nothing for a coordinator to
  // arbitrate, and deterministic ids make a speculative duplicate task harmless.
  @Override
  public boolean useCommitCoordinator() {
    return false;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    JobSummary summary = JobSummary.of(conf, messages);
    LOG.info("{}", summary.oneLine());
    summary.writeReportIfAsked();
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    JobSummary summary = JobSummary.of(conf, messages);
    LOG.error("Sluice load {} aborted; finished tasks: {}", conf.queryId(), summary.oneLine());
    summary.writeReportIfAsked();
  }
}
