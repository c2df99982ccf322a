package dev.sluice.spark;

import dev.sluice.core.report.RunEnding;
import dev.sluice.core.report.RunReport;
import dev.sluice.core.report.RunReportWriter;
import dev.sluice.core.storage.Storage;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming query's report ({@code report.json} and its page), the batch report's schema and
 * writer over the query's totals ({@link QueryTotals}) instead of one job's: rewritten on the
 * driver after each epoch's commit, so it always says what the query did so far, across restarts.
 * Its timeline and dead-letter files are the last epoch's; every epoch's dead letters are under the
 * dead-letter location.
 */
final class StreamingReport {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingReport.class);
  static final String FILE = "report.json";

  private final SparkWriteConf conf;
  private final Storage storage;
  private final String location;

  private StreamingReport(SparkWriteConf conf, Storage storage, String location) {
    this.conf = conf;
    this.storage = storage;
    this.location = location;
  }

  /**
   * Where {@code sluice.report.path} says, as for batch loads; without it, beside Sluice's epoch
   * store: {@code <checkpointLocation>/sluice/report.json}.
   */
  static StreamingReport of(SparkWriteConf conf, String checkpointLocation) {
    String location = conf.reportPath();
    if (location == null) {
      Storage storage = HadoopStorage.forLocation(checkpointLocation);
      location = storage.child(storage.child(checkpointLocation, "sluice"), FILE);
    }
    return new StreamingReport(conf, HadoopStorage.forLocation(location), location);
  }

  String location() {
    return location;
  }

  /**
   * Writes the query's report: the totals, how the last epoch ended, and what it said.
   *
   * @param epoch the report of the last epoch the query ran, for its ending, options and timeline
   * @param note what happened to that epoch, or null
   */
  RunReport write(QueryTotals totals, RunReport epoch, String note) {
    String statement = totals.statement(conf.queryId()) + (note == null ? "" : "; " + note);
    Instant started = totals.started() == null ? epoch.started() : totals.started();
    RunReport report =
        RunReport.builder(epoch.job(), epoch.index())
            .ended(epoch.ending(), epoch.cause())
            .between(started, epoch.ended())
            .counters(totals.counters(), totals.tasksReportedForReport(), totals.tasksForReport())
            .deadLetters(epoch.deadLetterLocation(), epoch.deadLetterFiles())
            .checkpoint(statement)
            .options(epoch.options())
            .timeline(epoch.timeline())
            .build();
    RunReportWriter.write(storage, location, report);
    if (report.ending() == RunEnding.FINISHED && report.reconciliation().reconciles()) {
      LOG.info("{}", report.summaryLine());
    } else {
      LOG.error("{}", report.summaryLine());
    }
    return report;
  }
}
