package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of a streaming query's last committed epoch, which Spark shows as the sink's metrics
 * in each {@code StreamingQueryProgress}. Written by the query's commit, read by Spark's progress
 * reporter, both on the driver.
 */
final class EpochProgress {
  private volatile Map<String, String> latest = Map.of();

  void committed(long epoch, LoadCounters counters) {
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("sluiceEpoch", Long.toString(epoch));
    for (SluiceMetrics.Metric m : SluiceMetrics.TABLE) {
      metrics.put(m.name(), Long.toString(m.value(counters)));
    }
    latest = Map.copyOf(metrics);
  }

  Map<String, String> metrics() {
    return latest;
  }
}
