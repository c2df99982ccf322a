package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.report.Reconciliation;
import dev.sluice.core.report.RunEnding;
import dev.sluice.core.report.RunReport;
import dev.sluice.core.report.RunReportWriter;
import dev.sluice.core.report.TaskRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What the driver knows of a Spark load: the sum of the commit messages of the tasks that reported,
 * and how many tasks there were. Spark hands {@code commit} and {@code abort} one slot per task,
 * null where a task never committed; those tasks' counts are missing, so the report calls the
 * totals partial instead of reconciling what it did not see.
 */
final class JobSummary {
  private final SparkWriteConf conf;
  private final LoadCounters totals;
  private final List<String> deadLetterFiles;
  private final List<TaskRun> timeline;
  private final int reported;
  private final int tasks;

  private JobSummary(
      SparkWriteConf conf,
      LoadCounters totals,
      List<String> deadLetterFiles,
      List<TaskRun> timeline,
      int reported,
      int tasks) {
    this.conf = conf;
    this.totals = totals;
    this.deadLetterFiles = deadLetterFiles;
    this.timeline = timeline;
    this.reported = reported;
    this.tasks = tasks;
  }

  static JobSummary of(SparkWriteConf conf, WriterCommitMessage[] messages) {
    LoadCounters totals = LoadCounters.empty();
    List<String> deadLetters = new ArrayList<>();
    List<TaskRun> timeline = new ArrayList<>();
    int reported = 0;
    for (WriterCommitMessage message : messages) {
      if (message instanceof SluiceCommitMessage done) {
        totals = totals.plus(done.counters());
        if (done.deadLetterLocation() != null) {
          deadLetters.add(done.deadLetterLocation());
        }
        timeline.add(done.run());
        reported++;
      }
    }
    return new JobSummary(
        conf, totals, List.copyOf(deadLetters), timeline, reported, messages.length);
  }

  LoadCounters totals() {
    return totals;
  }

  /** Every task reported and the totals add up. */
  boolean reconciles() {
    return new Reconciliation(totals, reported, tasks).reconciles();
  }

  /**
   * The run's report.
   *
   * @param cause what stopped the run, null when it finished
   * @param checkpoint what the checkpoint said at the start, or null
   */
  RunReport report(
      RunEnding ending, String cause, Instant started, Instant ended, String checkpoint) {
    return RunReport.builder(conf.queryId(), conf.engine().defaultIndex())
        .ended(ending, cause)
        .between(started, ended)
        .counters(totals, reported, tasks)
        .deadLetters(conf.engine().deadLetter().path(), deadLetterFiles)
        .checkpoint(checkpoint)
        .options(conf.engine().toRedactedMap())
        .timeline(timeline)
        .build();
  }

  /**
   * Writes the report where {@code sluice.report.path} says, and its page beside it, through Hadoop
   * for URIs.
   */
  void writeIfAsked(RunReport report) {
    String path = conf.reportPath();
    if (path != null) {
      RunReportWriter.write(HadoopStorage.forLocation(path), path, report);
    }
  }
}
