package dev.sluice.core.report;

import dev.sluice.core.LoadCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one run did and how it ended: the content of the JSON report ({@link RunReportWriter}) and
 * of the summary log line. Made with {@link #builder}.
 *
 * @param cause what stopped the run ("ExceptionClass: message"), or null when it finished
 * @param deadLetterLocation the configured dead-letter directory
 * @param deadLetterFiles the dead-letter files the reporting tasks wrote
 * @param checkpoint what the checkpoint said at the start, or null without a checkpoint
 * @param options the redacted options ({@code SluiceConfig.toRedactedMap()}), never clear secrets
 * @param timeline one entry per task that reported, by partition and start: when it ran and what it
 *     did; empty when the runner does not know its tasks' times
 * @param series what the run did over time, all its writers merged; empty when none was sampled
 * @param deadLetterSamples the first few dead letters of each reason
 */
public record RunReport(
    String job,
    String index,
    RunEnding ending,
    String cause,
    Instant started,
    Instant ended,
    Reconciliation reconciliation,
    String deadLetterLocation,
    List<String> deadLetterFiles,
    String checkpoint,
    Map<String, String> options,
    List<TaskRun> timeline,
    TimeSeries series,
    DeadLetterSamples deadLetterSamples) {
  private static final Comparator<TaskRun> BY_PARTITION_AND_START =
      Comparator.comparingInt(TaskRun::partition).thenComparing(TaskRun::started);

  public RunReport {
    deadLetterFiles = List.copyOf(deadLetterFiles);
    options = new TreeMap<>(options);
    timeline = timeline.stream().sorted(BY_PARTITION_AND_START).toList();
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(deadLetterSamples, "deadLetterSamples");
  }

  public static Builder builder(String job, String index) {
    return new Builder(job, index);
  }

  public LoadCounters counters() {
    return reconciliation.counters();
  }

  public Duration elapsed() {
    return Duration.between(started, ended);
  }

  /** Documents settled (indexed, merged or dead-lettered) by this run per second; 0 for no time. */
  public double docsPerSecond() {
    LoadCounters c = counters();
    return perSecond(c.indexed() + c.merged() + c.deadLettered(), elapsed());
  }

  static double perSecond(long documents, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : documents / seconds;
  }

  /** One line for the log and the console: how it ended, how fast, the counts, the balance. */
  public String summaryLine() {
    return String.format(
        "Sluice load %s into %s %s%s in %.1f s (%.0f docs/s), %d of %d tasks reported: %s; %s%s",
        job,
        index,
        ending.label(),
        cause == null ? "" : " (" + cause + ")",
        elapsed().toMillis() / 1000.0,
        docsPerSecond(),
        reconciliation.tasksReported(),
        reconciliation.tasks(),
        counters().summaryLine(),
        reconciliation.reconciles() ? "reconciles: " : "DOES NOT RECONCILE: ",
        reconciliation.statement() + (checkpoint == null ? "" : "; " + checkpoint));
  }

  /** Collects a report's parts; the times and counters are required. */
  public static final class Builder {
    private final String job;
    private final String index;
    private RunEnding ending = RunEnding.FINISHED;
    private String cause;
    private Instant started;
    private Instant ended;
    private Reconciliation reconciliation;
    private String deadLetterLocation;
    private List<String> deadLetterFiles = List.of();
    private String checkpoint;
    private Map<String, String> options = Map.of();
    private List<TaskRun> timeline = List.of();
    private TimeSeries series = TimeSeries.empty();
    private DeadLetterSamples deadLetterSamples = DeadLetterSamples.empty();

    private Builder(String job, String index) {
      this.job = job;
      this.index = index;
    }

    public Builder ended(RunEnding ending, String cause) {
      this.ending = ending;
      this.cause = cause;
      return this;
    }

    public Builder between(Instant started, Instant ended) {
      this.started = started;
      this.ended = ended;
      return this;
    }

    public Builder counters(LoadCounters counters, int tasksReported, int tasks) {
      this.reconciliation = new Reconciliation(counters, tasksReported, tasks);
      return this;
    }

    public Builder deadLetters(String location, List<String> files) {
      this.deadLetterLocation = location;
      this.deadLetterFiles = files;
      return this;
    }

    public Builder checkpoint(String message) {
      this.checkpoint = message;
      return this;
    }

    public Builder options(Map<String, String> redacted) {
      this.options = redacted;
      return this;
    }

    public Builder timeline(List<TaskRun> tasks) {
      this.timeline = tasks;
      return this;
    }

    /** What the run did over time: one writer's series, or all of a job's merged. */
    public Builder series(TimeSeries series) {
      this.series = series;
      return this;
    }

    public Builder deadLetterSamples(DeadLetterSamples samples) {
      this.deadLetterSamples = samples;
      return this;
    }

    public RunReport build() {
      if (started == null || ended == null || reconciliation == null) {
        throw new IllegalStateException("a run report needs its start, end and counters");
      }
      return new RunReport(
          job,
          index,
          ending,
          cause,
          started,
          ended,
          reconciliation,
          deadLetterLocation,
          deadLetterFiles,
          checkpoint,
          options,
          timeline,
          series,
          deadLetterSamples);
    }
  }
}
