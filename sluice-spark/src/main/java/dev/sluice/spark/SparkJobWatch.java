package dev.sluice.spark;

import dev.sluice.core.report.RunEnding;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Learns how a write's Spark job ended, which {@code BatchWrite.abort} is not told: it listens, on
 * the driver, to the task failures and the end of the jobs of the SQL execution that started it.
 * Spark posts a job's end before it wakes the writing thread, so by the time {@code abort} runs the
 * event is on its way; {@link #outcome} waits a bounded time for it.
 */
final class SparkJobWatch extends SparkListener {
  private static final String EXECUTION_ID = "spark.sql.execution.id";
  private static final int MAX_CAUSE_CHARS = 1000;
  // Spark's words when a job is cancelled (a job group, a cell stopped, the context shut down).
  private static final Pattern CANCELLED_JOB = Pattern.compile("Job \\d+ cancelled");

  private final SparkContext context;
  private final String executionId;
  private final Instant started;
  private final Set<Integer> jobs = ConcurrentHashMap.newKeySet();
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
  private final CountDownLatch jobEnded = new CountDownLatch(1);
  private volatile String failureClass;
  private volatile String failureDescription;
  private volatile String jobFailure;
  private volatile boolean jobCancelled;
  private volatile boolean taskKilled;

  /** How the job ended and why; {@code cause} null when it finished. */
  record Outcome(RunEnding ending, String cause) {}

  private SparkJobWatch(SparkContext context, String executionId, Instant started) {
    this.context = context;
    this.executionId = executionId;
    this.started = started;
  }

  /**
   * Starts watching the jobs this thread's SQL execution runs from now on; call on the thread that
   * runs the write, before its job starts.
   */
  static SparkJobWatch start(Instant now) {
    SparkContext context = SparkSession.active().sparkContext();
    SparkJobWatch watch = new SparkJobWatch(context, context.getLocalProperty(EXECUTION_ID), now);
    context.addSparkListener(watch);
    return watch;
  }

  Instant started() {
    return started;
  }

  /**
   * How the job ended, from what the listener saw within {@code wait}; stops listening.
   *
   * @param interrupted whether the driver's writing thread was interrupted (a cancel)
   */
  Outcome outcome(Duration wait, boolean interrupted) {
    try {
      jobEnded.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      interrupted = true;
    } finally {
      stop();
    }
    // Spark kills the other tasks when one fails: a kill means a cancel only without a failure.
    boolean cancelled = jobCancelled || interrupted || (taskKilled && failureClass == null);
    RunEnding ending = RunEnding.ofFailure(failureClass, cancelled);
    return new Outcome(ending, cause(interrupted));
  }

  void stop() {
    context.removeSparkListener(this);
  }

  private String cause(boolean interrupted) {
    String cause;
    if (failureClass != null) {
      cause = failureClass + ": " + failureDescription;
    } else if (jobFailure != null) {
      cause = jobFailure;
    } else if (interrupted) {
      cause = "the writing thread was interrupted";
    } else {
      cause = "the Spark job stopped before Sluice learned why; see the driver's log";
    }
    return cause.length() <= MAX_CAUSE_CHARS ? cause : cause.substring(0, MAX_CAUSE_CHARS) + "...";
  }

  private boolean ours(Properties properties) {
    String id = properties == null ? null : properties.getProperty(EXECUTION_ID);
    return Objects.equals(id, executionId);
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    if (ours(start.properties())) {
      jobs.add(start.jobId());
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    if (ours(submitted.properties())) {
      stages.add(submitted.stageInfo().stageId());
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (!stages.contains(end.stageId())) {
      return;
    }
    if (end.reason() instanceof ExceptionFailure failure) {
      // The first failure explains the job, unless a later one is a stronger ending (a tolerance
      // stop that followed a transient error in another task).
      if (failureClass == null
          || RunEnding.ofFailure(failure.className(), false)
                  .compareTo(RunEnding.ofFailure(failureClass, false))
              > 0) {
        failureDescription = failure.description();
        failureClass = failure.className();
      }
    } else if (end.reason() instanceof TaskKilled) {
      taskKilled = true;
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    if (!jobs.contains(end.jobId())) {
      return;
    }
    if (end.jobResult() != JobSucceeded$.MODULE$) {
      // JobFailed is internal to Spark; its text holds the exception ("... Job 3 cancelled ...").
      jobFailure = end.jobResult().toString();
      jobCancelled = CANCELLED_JOB.matcher(jobFailure).find();
    }
    jobEnded.countDown();
  }
}
