package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.report.Counter;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.junit.jupiter.api.Test;

class SluiceMetricsTest {
  /** Every counter a different value, so a metric that shows the wrong counter is caught. */
  private static LoadCounters distinctValues() {
    LoadCounters.Builder b = LoadCounters.builder();
    for (Counter c : Counter.values()) {
      b.set(c, 100 + c.ordinal());
    }
    return b.build();
  }

  @Test
  void eachMetricShowsItsCounterUnderItsName() {
    Map<String, Long> values =
        Arrays.stream(SluiceMetrics.values(distinctValues().withSkipped(1000)))
            .collect(Collectors.toMap(CustomTaskMetric::name, CustomTaskMetric::value));

    assertThat(values)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("sluiceDocumentsRead", 100L + Counter.READ.ordinal() + 1000),
                Map.entry("sluiceDocumentsIndexed", 100L + Counter.INDEXED.ordinal()),
                Map.entry(
                    "sluiceDocumentsAlreadyDelivered", 100L + Counter.ALREADY_DELIVERED.ordinal()),
                Map.entry("sluiceDocumentsDeadLettered", 100L + Counter.DEAD_LETTERED.ordinal()),
                Map.entry("sluiceDocumentsRetried", 100L + Counter.RETRIED_ITEMS.ordinal()),
                Map.entry("sluiceThrottled", 100L + Counter.THROTTLED.ordinal()),
                Map.entry("sluiceBytesSent", 100L + Counter.BYTES_SENT.ordinal()),
                Map.entry(
                    "sluiceDocumentsSkipped",
                    100L + Counter.SKIPPED_BY_CHECKPOINT.ordinal() + 1000),
                Map.entry("sluiceDocumentsMerged", 100L + Counter.MERGED.ordinal()),
                Map.entry(
                    "sluiceWaitedForMemoryMillis",
                    100L + Counter.WAITED_FOR_MEMORY_MILLIS.ordinal()),
                Map.entry(
                    "sluiceWaitedForCheckpointMillis",
                    100L + Counter.WAITED_FOR_CHECKPOINT_MILLIS.ordinal())));
  }

  @Test
  void everyTaskValueHasADeclaredMetricWithTheCountersDescription() {
    Map<String, CustomMetric> declared =
        Arrays.stream(SluiceMetrics.all())
            .collect(Collectors.toMap(CustomMetric::name, Function.identity()));
    assertThat(declared.keySet())
        .isEqualTo(
            Arrays.stream(SluiceMetrics.values(LoadCounters.empty()))
                .map(CustomTaskMetric::name)
                .collect(Collectors.toSet()));
    assertThat(declared.get("sluiceDocumentsDeadLettered").description())
        .isEqualTo("documents dead-lettered");
    assertThat(declared.get("sluiceBytesSent").description()).isEqualTo("bulk bytes sent");
  }

  @Test
  void sparkCanMakeEachMetricClassByNameToSumTheTasksValues() throws Exception {
    for (CustomMetric metric : SluiceMetrics.all()) {
      CustomMetric made =
          Class.forName(metric.getClass().getName())
              .asSubclass(CustomMetric.class)
              .getConstructor()
              .newInstance();
      assertThat(made.aggregateTaskMetrics(new long[] {1, 2})).isEqualTo("3");
    }
  }

  @Test
  void aTasksValuesAreMadeAgainOnlyWhenItsFiguresChanged() {
    SluiceMetrics.TaskValues task = new SluiceMetrics.TaskValues();
    CustomTaskMetric[] before = task.of(null, 0);
    assertThat(valueOf(before, "sluiceDocumentsRead")).isZero();
    assertThat(task.of(null, 0)).isSameAs(before);

    LoadCounters snapshot = distinctValues();
    CustomTaskMetric[] first = task.of(snapshot, 0);
    assertThat(valueOf(first, "sluiceDocumentsRead")).isEqualTo(100L + Counter.READ.ordinal());
    assertThat(task.of(snapshot, 0)).isSameAs(first);

    CustomTaskMetric[] skipped = task.of(snapshot, 7);
    assertThat(valueOf(skipped, "sluiceDocumentsSkipped"))
        .isEqualTo(100L + Counter.SKIPPED_BY_CHECKPOINT.ordinal() + 7);
    // A new snapshot with equal figures is still a new snapshot: asked again, not compared.
    assertThat(task.of(distinctValues(), 7)).isNotSameAs(skipped);
  }

  private static long valueOf(CustomTaskMetric[] values, String name) {
    return Arrays.stream(values)
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
