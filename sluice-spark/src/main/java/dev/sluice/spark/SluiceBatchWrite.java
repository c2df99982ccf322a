package dev.sluice.spark;

import dev.sluice.core.SluiceVersion;
import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.JobCheckpoint;
import dev.sluice.core.report.RunEnding;
import dev.sluice.core.report.RunReport;
import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of a load: checks the checkpoint (start, resume, or nothing to do), hands out
 * the writer factory, judges the job's dead letters against the tolerance, marks a checkpointed job
 * finished, refreshes the index, and reports the run, whether Spark commits or aborts it.
 */
final class SluiceBatchWrite implements BatchWrite {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceBatchWrite.class);
  private static final String VERSION = SluiceVersion.get();
  // Spark posts a failed job's end before it calls abort: this bounds the wait for that event.
  private static final Duration JOB_END_WAIT = Duration.ofSeconds(5);
  private final SparkWriteConf conf;
  private JobCheckpoint.Start checkpointStart;
  private SparkJobWatch watch;
  private RuntimeException commitFailure;

  SluiceBatchWrite(SparkWriteConf conf) {
    this.conf = conf;
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    LOG.info(
        "Sluice {} load {} into {} with {} partitions, options {}",
        VERSION,
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
    watch = SparkJobWatch.start(Instant.now());
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
    try {
      // First: a job over the tolerance leaves its dead letters staged and is not marked finished.
      JobTolerance.check(conf, JobSummary.of(conf, messages).totals());
      messages = DeadLetterCommit.publish(conf, messages);
      if (checkpointStart != null && !jobFinished()) {
        markFinished(conf.checkpointStore(), messages.length);
      }
      IndexRefresh.run(
          conf.engine(), JobSummary.of(conf, messages).totals().byIndex().asMap().keySet());
      if (watch != null) {
        watch.stop();
      }
      report(messages, RunEnding.FINISHED, null);
    } catch (RuntimeException e) {
      commitFailure = e; // Spark calls abort next, which reports the run as this ended it
      throw e;
    }
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    DeadLetterCommit.keepStaged(conf);
    SparkJobWatch.Outcome outcome;
    if (commitFailure != null) {
      outcome = new SparkJobWatch.Outcome(RunEnding.of(commitFailure), commitFailure.toString());
    } else if (watch != null) {
      outcome = watch.outcome(JOB_END_WAIT, Thread.currentThread().isInterrupted());
    } else {
      outcome = new SparkJobWatch.Outcome(RunEnding.FAILED, "the job failed before it started");
    }
    if (watch != null) {
      watch.stop(); // again, when a failed commit brought Spark here
    }
    try {
      report(messages, outcome.ending(), outcome.cause());
    } catch (RuntimeException e) {
      // Spark is already failing the job; do not hide its cause behind the report's.
      LOG.error("Sluice load {}: could not write its report: {}", conf.queryId(), e.toString());
    }
  }

  /** Logs the run's summary line and writes its JSON report when a path was given. */
  private void report(WriterCommitMessage[] messages, RunEnding ending, String cause) {
    JobSummary summary = JobSummary.of(conf, messages);
    Instant started = watch == null ? Instant.now() : watch.started();
    RunReport report = summary.report(ending, cause, started, Instant.now(), checkpointMessage());
    if (report.reconciliation().reconciles()) {
      LOG.info("{}", report.summaryLine());
    } else {
      LOG.error("{}", report.summaryLine());
    }
    summary.writeIfAsked(report);
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
