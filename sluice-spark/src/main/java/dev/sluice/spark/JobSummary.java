package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.report.DeadLetterSamples;
import dev.sluice.core.report.Reconciliation;
import dev.sluice.core.report.RunEnding;
import dev.sluice.core.report.RunReport;
import dev.sluice.core.report.RunReportWriter;
import dev.sluice.core.report.TaskRun;
import dev.sluice.core.report.TimeSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What the driver knows of a Spark load: the sum of the commit messages of the tasks that reported,
 * and how many tasks there were. Spark hands {@code commit} and {@code abort} one slot per task,
 * null where a task never committed; those tasks' counts are missing, so the report calls the
 * totals partial instead of reconciling what it did not see. The tasks' series are merged by
 * wall-clock bucket, their dead-letter samples in partition order.
 */
final class JobSummary {
  private final SparkWriteConf conf;
  private final LoadCounters totals;
  private final List<String> deadLetterFiles;
  private final List<TaskRun> timeline;
  private final TimeSeries series;
  private final DeadLetterSamples deadLetterSamples;
  private final int reported;
  private final int tasks;

  private JobSummary(
      SparkWriteConf conf,
      LoadCounters totals,
      List<String> deadLetterFiles,
      List<TaskRun> timeline,
      TimeSeries series,
      DeadLetterSamples deadLetterSamples,
      int reported,
      int tasks) {
    this.conf = conf;
    this.totals = totals;
    this.deadLetterFiles = deadLetterFiles;
    this.timeline = timeline;
    this.series = series;
    this.deadLetterSamples = deadLetterSamples;
    this.reported = reported;
    this.tasks = tasks;
  }

  static JobSummary of(SparkWriteConf conf, WriterCommitMessage[] messages) {
    LoadCounters totals = LoadCounters.empty();
    List<String> deadLetters = new ArrayList<>();
    List<TaskRun> timeline = new ArrayList<>();
    List<TimeSeries> series = new ArrayList<>();
    DeadLetterSamples samples = DeadLetterSamples.empty();
    int reported = 0;
    for (WriterCommitMessage message : messages) {
      if (message instanceof SluiceCommitMessage done) {
        totals = totals.plus(done.counters());
        if (done.deadLetterLocation() != null) {
          deadLetters.add(done.deadLetterLocation());
        }
        timeline.add(done.run());
        series.add(done.series());
        samples = samples.plus(done.deadLetterSamples());
        reported++;
      }
    }
    return new JobSummary(
        conf,
        totals,
        List.copyOf(deadLetters),
        timeline,
        TimeSeries.merge(series, TimeSeries.MAX_MERGED_BUCKETS),
        samples,
        reported,
        messages.length);
  }

  LoadCounters totals() {
    return totals;
  }

  /** What the tasks that reported did over time, merged by wall-clock bucket. */
  TimeSeries series() {
    return series;
  }

  DeadLetterSamples deadLetterSamples() {
    return deadLetterSamples;
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
        .series(series)
        .deadLetterSamples(deadLetterSamples)
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
