package dev.sluice.cli;

import dev.sluice.core.report.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.Iterator;

/**
 * Live figures of a load from the connector's Spark metrics (the ones the SQL tab shows): each
 * running task's values arrive with the executor heartbeats, each finished task's with its end.
 * Called on Spark's listener thread; {@link #snapshot} on the progress thread.
 */
final class ProgressListener extends SparkListener {
  private static final Map<String, Counter> BY_NAME = names();

  private final Map<Long, Map<Counter, Long>> running = new ConcurrentHashMap<>();
  private final Map<Long, Map<Counter, Long>> finished = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Instant started;
  private final long totalRows;
  private final Supplier<CheckpointProgress.Settled> checkpoint;
  private final long settledBefore;
  private volatile int tasks;
  private volatile int tasksDone;

  /**
   * @param checkpoint rows the checkpoint records settled, this run's and earlier runs'
   */
  ProgressListener(Clock clock, long totalRows, Supplier<CheckpointProgress.Settled> checkpoint) {
    this.clock = clock;
    this.started = clock.instant();
    this.totalRows = totalRows;
    this.checkpoint = checkpoint;
    this.settledBefore = checkpoint.get().rows();
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted stage) {
    // The write is the last stage a load submits: its task count is the partition count.
    tasks = stage.stageInfo().numTasks();
    tasksDone = 0;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    // Typed through var: the tuple's Seq is scala.collection.immutable.Seq on Scala 2.13 only.
    var tasks = update.accumUpdates().iterator();
    while (tasks.hasNext()) {
      var task = tasks.next();
      Map<Counter, Long> values = values(task._4().iterator());
      if (!values.isEmpty()) {
        running.put((Long) task._1(), values);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    long taskId = end.taskInfo().taskId();
    running.remove(taskId);
    Map<Counter, Long> values = values(end.taskInfo().accumulables().iterator());
    if (!values.isEmpty()) {
      finished.put(taskId, values);
    }
    if (end.taskInfo().successful()) {
      tasksDone++;
    }
  }

  ProgressSnapshot snapshot() {
    Map<Counter, Long> sum = new EnumMap<>(Counter.class);
    for (Map<Long, Map<Counter, Long>> tasksByState : java.util.List.of(finished, running)) {
      for (Map<Counter, Long> task : tasksByState.values()) {
        task.forEach((counter, value) -> sum.merge(counter, value, Long::sum));
      }
    }
    CheckpointProgress.Settled recorded = checkpoint.get();
    long dead = Math.max(sum.getOrDefault(Counter.DEAD_LETTERED, 0L), recorded.deadLettered());
    long indexed =
        Math.max(sum.getOrDefault(Counter.INDEXED, 0L), recorded.rows() - settledBefore - dead);
    long skipped = sum.getOrDefault(Counter.SKIPPED_BY_CHECKPOINT, 0L);
    return new ProgressSnapshot(
        Math.max(indexed + dead + skipped, recorded.rows()),
        totalRows,
        indexed,
        dead,
        sum.getOrDefault(Counter.RETRIED_ITEMS, 0L),
        sum.getOrDefault(Counter.THROTTLED, 0L),
        tasksDone,
        tasks,
        Duration.between(started, clock.instant()));
  }

  private static Map<Counter, Long> values(Iterator<AccumulableInfo> infos) {
    Map<Counter, Long> values = new EnumMap<>(Counter.class);
    while (infos.hasNext()) {
      AccumulableInfo info = infos.next();
      Counter counter = info.name().isDefined() ? BY_NAME.get(info.name().get()) : null;
      Object value = info.update().isDefined() ? info.update().get() : null;
      if (counter != null && value instanceof Number number) {
        values.put(counter, number.longValue());
      }
    }
    return values;
  }

  /** Spark names a connector metric's accumulator by the metric's description. */
  private static Map<String, Counter> names() {
    Map<String, Counter> names = new HashMap<>();
    for (Counter counter : Counter.values()) {
      names.put(counter.description(), counter);
    }
    return Map.copyOf(names);
  }
}
