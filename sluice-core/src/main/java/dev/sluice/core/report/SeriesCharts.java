package dev.sluice.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts over time a report's {@code series} gives: throughput, batch bytes, requests in
 * flight, retries and 429s, latency. Each bucket is a step from its start; one more x at the last
 * bucket's end closes the last step.
 */
final class SeriesCharts {
  private SeriesCharts() {}

  static List<ReportCharts.Chart> of(List<JsonNode> buckets, double bucketSeconds) {
    if (buckets.isEmpty()) {
      return List.of();
    }
    return List.of(
        chart(
            "docs-over-time",
            "documents settled per second",
            false,
            buckets,
            bucketSeconds,
            "docs/s",
            "docs_per_second",
            "dead-lettered in the bucket",
            "dead_lettered"),
        chart(
            "batch-bytes",
            "batch bytes (mean per request) and requests sent",
            false,
            buckets,
            bucketSeconds,
            "mean batch bytes",
            "mean_batch_bytes",
            "requests sent",
            "requests_sent"),
        chart(
            "in-flight",
            "requests in flight (mean of all writers, most of one writer)",
            true,
            buckets,
            bucketSeconds,
            "mean in flight",
            "mean_in_flight",
            "max in flight",
            "max_in_flight"),
        chart(
            "retries",
            "retries and 429s",
            true,
            buckets,
            bucketSeconds,
            "documents retried",
            "retried_items",
            "429s",
            "throttled",
            "whole requests refused",
            "retried_requests"),
        chart(
            "latency",
            "bulk latency (ms)",
            true,
            buckets,
            bucketSeconds,
            "mean ms",
            "mean_latency_millis",
            "max ms",
            "latency_max_millis"));
  }

  private static ReportCharts.Chart chart(
      String id,
      String title,
      boolean sameScale,
      List<JsonNode> buckets,
      double bucketSeconds,
      String... labelsAndFields) { // label, field, label, field, ...
    List<Double> x = new ArrayList<>();
    buckets.forEach(b -> x.add(b.path("seconds").asDouble()));
    x.add(x.get(x.size() - 1) + bucketSeconds);
    List<ReportCharts.Series> series = new ArrayList<>();
    for (int i = 0; i < labelsAndFields.length; i += 2) {
      String field = labelsAndFields[i + 1];
      List<Double> values = new ArrayList<>();
      buckets.forEach(b -> values.add(b.path(field).asDouble()));
      values.add(values.get(values.size() - 1));
      series.add(new ReportCharts.Series(labelsAndFields[i], values));
    }
    return new ReportCharts.Chart(
        id,
        ReportCharts.Section.OVER_TIME,
        title,
        "steps",
        "seconds since the run started",
        x,
        List.of(),
        series,
        sameScale);
  }
}
