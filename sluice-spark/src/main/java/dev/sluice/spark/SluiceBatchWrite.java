package dev.sluice.spark;

import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.JobCheckpoint;
import java.time.Instant;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of a load: checks the checkpoint (start, resume, or nothing to do), hands out
 * the writer factory, sums up what the tasks did and marks a checkpointed job finished.
 */
final class SluiceBatchWrite implements BatchWrite {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceBatchWrite.class);
  private static final String VERSION = "0.1.0-SNAPSHOT";
  private final SparkWriteConf conf;
  private JobCheckpoint.Start checkpointStart;

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
    CheckpointStore store = conf.checkpointStore();
    if (store != null) {
      // Throws, naming both jobs, when the checkpoint belongs to another one.
      checkpointStart =
          JobCheckpoint.begin(
              store,
              conf.manifest(Instant.now(), VERSION).withPartitions(info.numPartitions()),
              conf.idStrategy().deterministic(),
              conf.engine().checkpoint().force());
      if (checkpointStart.status() == JobCheckpoint.Status.FINISHED) {
        LOG.warn("{}", checkpointStart.message());
      } else {
        LOG.info("{}", checkpointStart.message());
      }
    }
    return new SluiceWriterFactory(
        conf, checkpointStart == null ? null : checkpointStart.status(), info.numPartitions());
  }

  // Documents are in Elasticsearch once a task commits; there is nothing for a coordinator to
  // arbitrate, and deterministic ids make a speculative duplicate task harmless.
  @Override
  public boolean useCommitCoordinator() {
    return false;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    JobSummary summary = JobSummary.of(conf, messages, checkpointMessage());
    if (checkpointStart != null && !jobFinished()) {
      markFinished(conf.checkpointStore(), messages.length);
    }
    LOG.info("{}", summary.oneLine());
    summary.writeReportIfAsked();
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    JobSummary summary = JobSummary.of(conf, messages, checkpointMessage());
    LOG.error("Sluice load {} aborted; finished tasks: {}", conf.queryId(), summary.oneLine());
    summary.writeReportIfAsked();
  }

  private boolean jobFinished() {
    return checkpointStart != null && checkpointStart.status() == JobCheckpoint.Status.FINISHED;
  }

  private String checkpointMessage() {
    return checkpointStart == null ? null : checkpointStart.message();
  }

  /** Totals over this split's progress files, so rows settled by earlier runs count too. */
  private static void markFinished(CheckpointStore store, int partitions) {
    JobCheckpoint.finish(store, partitions, Instant.now());
  }
}
