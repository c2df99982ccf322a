package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.LoadCounters;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.junit.jupiter.api.Test;

class SluiceMetricsTest {
  @Test
  void everyTaskValueHasADeclaredMetricAndCarriesItsCounter() {
    LoadCounters counters =
        new LoadCounters(
            10, 7, 7, 0, 0, 8, 1, Map.of("x", 1L), 0, 3, 0, 4, 5, 99, 0, 6, 0, 0, 0, 0);
    LoadCounters withSkipped = counters.withSkipped(2);

    Map<String, Long> values =
        Arrays.stream(SluiceMetrics.values(withSkipped))
            .collect(Collectors.toMap(CustomTaskMetric::name, CustomTaskMetric::value));
    assertThat(values.keySet())
        .isEqualTo(
            Arrays.stream(SluiceMetrics.all()).map(CustomMetric::name).collect(Collectors.toSet()));
    assertThat(values)
        .containsEntry("sluiceDocumentsRead", withSkipped.read())
        .containsEntry("sluiceDocumentsIndexed", withSkipped.indexed())
        .containsEntry("sluiceDocumentsAlreadyDelivered", 8L)
        .containsEntry("sluiceDocumentsDeadLettered", withSkipped.deadLettered())
        .containsEntry("sluiceDocumentsRetried", withSkipped.retriedItems())
        .containsEntry("sluiceThrottled", withSkipped.throttled())
        .containsEntry("sluiceBytesSent", withSkipped.bytesSent())
        .containsEntry("sluiceDocumentsSkipped", 2L);
  }

  @Test
  void metricClassesHavePublicNoArgumentConstructorsAsSparkNeeds() throws Exception {
    for (CustomMetric metric : SluiceMetrics.all()) {
      CustomMetric made = metric.getClass().getConstructor().newInstance();
      assertThat(made.name()).isEqualTo(metric.name());
      assertThat(made.aggregateTaskMetrics(new long[] {1, 2})).isEqualTo("3");
    }
  }
}
