package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.report.Counter;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The figures Sluice shows in the Spark UI (SQL tab, on the write node), one row of {@link #TABLE}
 * each: the metric's name, and the counter whose value it shows (which also gives its description).
 */
public final class SluiceMetrics {
  /** One figure in the Spark UI. */
  record Metric(String name, Counter counter) {
    long value(LoadCounters counters) {
      return counters.get(counter);
    }
  }

  // The names are what earlier versions showed; keep them so saved dashboards still match.
  static final List<Metric> TABLE =
      List.of(
          new Metric("sluiceDocumentsRead", Counter.READ),
          new Metric("sluiceDocumentsIndexed", Counter.INDEXED),
          new Metric("sluiceDocumentsAlreadyDelivered", Counter.ALREADY_DELIVERED),
          new Metric("sluiceDocumentsDeadLettered", Counter.DEAD_LETTERED),
          new Metric("sluiceDocumentsRetried", Counter.RETRIED_ITEMS),
          new Metric("sluiceThrottled", Counter.THROTTLED),
          new Metric("sluiceBytesSent", Counter.BYTES_SENT),
          new Metric("sluiceDocumentsSkipped", Counter.SKIPPED_BY_CHECKPOINT),
          // Identical rows (content-hash ids):
          new Metric("sluiceDocumentsMerged", Counter.MERGED),
          // Where the tasks waited: for the writer's memory room, for the checkpoint's.
          new Metric("sluiceWaitedForMemoryMillis", Counter.WAITED_FOR_MEMORY_MILLIS),
          new Metric("sluiceWaitedForCheckpointMillis", Counter.WAITED_FOR_CHECKPOINT_MILLIS));

  private SluiceMetrics() {}

  static CustomMetric[] all() {
    return TABLE.stream()
        .map(m -> new Sum(m.name(), m.counter().description()))
        .toArray(CustomMetric[]::new);
  }

  static CustomTaskMetric[] values(LoadCounters counters) {
    return TABLE.stream()
        .map(m -> new TaskValue(m.name(), m.value(counters)))
        .toArray(CustomTaskMetric[]::new);
  }

  /**
   * A summed figure. Spark keeps the name of this class with each metric and, on the driver, makes
   * an instance by its public no-argument constructor only to add the tasks' values up ({@link
   * #aggregateTaskMetrics}); name and description come from the instance {@link #all()} declared.
   * So one class serves every row of the table.
   */
  public static final class Sum extends CustomSumMetric {
    private final String name;
    private final String description;

    public Sum() {
      this("sluiceSum", "sum");
    }

    Sum(String name, String description) {
      this.name = name;
      this.description = description;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }
  }

  private record TaskValue(String name, long value) implements CustomTaskMetric {}

  /**
   * One task's values, made again only when its figures changed. Spark asks a writer for them every
   * 100 rows, and the engine's counters change about once a second: building nine values and a
   * counters object each time was per-row work for nothing. Owned by the task's thread.
   */
  static final class TaskValues {
    private LoadCounters engine;
    private long skipped;
    private CustomTaskMetric[] values;

    /**
     * @param engine the engine's latest counters snapshot, or null before the first
     * @param skipped rows the checkpoint skipped
     */
    CustomTaskMetric[] of(LoadCounters engine, long skipped) {
      if (values == null || engine != this.engine || skipped != this.skipped) {
        this.engine = engine;
        this.skipped = skipped;
        values =
            SluiceMetrics.values(
                (engine == null ? LoadCounters.empty() : engine).withSkipped(skipped));
      }
      return values;
    }
  }
}
