package dev.sluice.spark;

import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.SluiceException;
import dev.sluice.core.deadletter.DeadLetterStaging;
import dev.sluice.core.deadletter.DeadLetterTolerance;
import dev.sluice.core.report.RunEnding;
import dev.sluice.core.report.RunReport;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of a Structured Streaming query into Elasticsearch, one per run of the query.
 * Each epoch is written by the batch load's writers; its commit judges the epoch against the
 * dead-letter tolerance, publishes its dead letters, then records it in Sluice's epoch store
 * ({@link StreamingEpochs}) with the query's totals, so that an epoch Spark runs again after a
 * driver crash is recognised and counted once, and rewrites the query's report ({@link
 * StreamingReport}).
 */
final class SluiceStreamingWrite implements StreamingWrite {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceStreamingWrite.class);
  private final SparkWriteConf conf;
  private final StreamingEpochs epochs;
  private final EpochProgress progress;
  private final StreamingReport report;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private boolean started;
  private volatile Instant epochStarted = Instant.now();

  SluiceStreamingWrite(
      SparkWriteConf conf, StreamingEpochs epochs, EpochProgress progress, StreamingReport report) {
    this.conf = conf;
    this.epochs = epochs;
    this.progress = progress;
    this.report = report;
  }

  /** Called by Spark once per epoch, on the driver, before its tasks. */
  @Override
  public StreamingDataWriterFactory createStreamingWriterFactory(PhysicalWriteInfo info) {
    boolean first = !started;
    started = true;
    epochStarted = Instant.now();
    return new SluiceStreamingWriterFactory(
        conf, run, epochs.lastCommitted().orElse(-1), first, info.numPartitions());
  }

  // As for batch loads: documents are in Elasticsearch once a task commits, under deterministic
  // ids.
  @Override
  public boolean useCommitCoordinator() {
    return false;
  }

  @Override
  public void commit(long epochId, WriterCommitMessage[] messages) {
    JobSummary summary = JobSummary.of(conf, messages);
    LoadCounters counts = summary.totals();
    if (epochs.committed(epochId)) {
      LOG.info(
          "Sluice query {} epoch {}: recorded committed in {} before a restart; Spark ran it"
              + " again, and its {} rows were counted as delivered already, none sent",
          conf.queryId(),
          epochId,
          epochs.directory(),
          counts.skippedByCheckpoint());
      progress.committed(epochId, counts);
      // Rewritten, in case the crash came between the epoch's record and its report.
      report.write(
          epochs.totals(epochId),
          epochReport(summary, RunEnding.FINISHED, null, epochId),
          "epoch " + epochId + " was run again after a restart and counted once");
      return;
    }
    checkTolerance(epochId, summary);
    DeadLetterStaging staging =
        DeadLetterJob.staging(conf, StreamEpoch.deadLetterNames(conf.queryId(), epochId, run));
    removePublishedByInterruptedCommit(staging);
    messages = DeadLetterCommit.publish(staging, messages);
    RunReport epoch = epochReport(JobSummary.of(conf, messages), RunEnding.FINISHED, null, epochId);
    QueryTotals totals = epochs.record(conf.queryId(), epochId, epoch);
    IndexRefresh.run(conf.engine(), counts.byIndex().asMap().keySet());
    progress.committed(epochId, counts);
    LOG.info("{}", epoch.summaryLine());
    report.write(totals, epoch, null);
  }

  @Override
  public void abort(long epochId, WriterCommitMessage[] messages) {
    LOG.warn(
        "Sluice query {} epoch {} failed: its dead letters stay staged in {}; the restarted query"
            + " runs the epoch again and publishes them once.",
        conf.queryId(),
        epochId,
        DeadLetterJob.staging(conf, StreamEpoch.deadLetterNames(conf.queryId(), epochId, run))
            .stagingDirectory());
  }

  /**
   * The epoch's totals decide, however Spark partitioned it; the query stops with the reason, and
   * its report says so, with the totals of the epochs committed before.
   */
  private void checkTolerance(long epochId, JobSummary summary) {
    Optional<String> failure =
        JobTolerance.verdict(
            DeadLetterTolerance.of(conf.engine().deadLetter()), summary.totals(), null);
    if (failure.isEmpty()) {
      return;
    }
    DeadLetterToleranceException stop =
        new DeadLetterToleranceException(
            "Streaming query "
                + conf.queryId()
                + ", epoch "
                + epochId
                + ": "
                + failure.get()
                + " The epoch is not committed: restarted from its checkpoint location, the query"
                + " runs it again.");
    try {
      OptionalLong last = epochs.lastCommitted();
      report.write(
          last.isPresent() ? epochs.totals(last.getAsLong()) : QueryTotals.NONE,
          epochReport(summary, RunEnding.STOPPED_BY_TOLERANCE, stop.getMessage(), epochId),
          "epoch " + epochId + " stopped the query and is not counted");
    } catch (RuntimeException e) {
      // The query stops for the tolerance; do not hide that behind the report's failure.
      LOG.error("Sluice query {}: could not write its report: {}", conf.queryId(), e.toString());
    }
    throw stop;
  }

  private RunReport epochReport(JobSummary summary, RunEnding ending, String cause, long epochId) {
    return summary.report(ending, cause, epochStarted, Instant.now(), "epoch " + epochId);
  }

  /**
   * Dead letters of this epoch already in the store come from a commit that a driver crash cut
   * short before it recorded the epoch; this commit's replace them, so each bad row is there once.
   */
  private static void removePublishedByInterruptedCommit(DeadLetterStaging staging) {
    try {
      for (String file : staging.publishedFilesOfJob()) {
        LOG.info("Replacing {}, published by an interrupted commit of this epoch", file);
        staging.storage().delete(file);
      }
    } catch (IOException e) {
      throw new SluiceException(
          "Could not list the dead letters in " + staging.directory() + ": " + e, e);
    }
  }
}
