package dev.sluice.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a report's {@code series} and {@code dead_letter_samples}: every bucket with its
 * measures ({@link Measure#key()}) and the rates and means they give, so a reader needs no
 * arithmetic.
 */
final class SeriesTree {
  private SeriesTree() {}

  static Map<String, Object> of(TimeSeries series, Instant runStarted, Instant runEnded) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("bucket_seconds", series.width().toMillis() / 1000.0);
    List<Map<String, Object>> buckets = new ArrayList<>();
    for (TimeSeries.Bucket b : series.buckets()) {
      buckets.add(bucket(b, runStarted, runEnded));
    }
    tree.put("buckets", buckets);
    return tree;
  }

  private static Map<String, Object> bucket(TimeSeries.Bucket b, Instant started, Instant ended) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("start_at", b.start().toString());
    tree.put("seconds", Duration.between(started, b.start()).toMillis() / 1000.0);
    for (Measure m : Measure.values()) {
      tree.put(m.key(), b.get(m));
    }
    double seconds = activeSeconds(b, started, ended);
    tree.put("docs_per_second", round(b.get(Measure.SETTLED) / seconds));
    tree.put("bytes_per_second", round(b.get(Measure.BYTES_SENT) / seconds));
    tree.put("mean_batch_bytes", ratio(b.get(Measure.BYTES_SENT), b.get(Measure.REQUESTS_SENT)));
    tree.put("mean_in_flight", round(b.get(Measure.IN_FLIGHT_MILLIS) / (seconds * 1000)));
    tree.put(
        "mean_latency_millis", ratio(b.get(Measure.LATENCY_SUM_MILLIS), b.get(Measure.RESPONSES)));
    return tree;
  }

  /**
   * The part of the bucket the run was running: the first and last buckets are cut by the run's
   * start and end, so their rates are not understated.
   */
  private static double activeSeconds(TimeSeries.Bucket b, Instant started, Instant ended) {
    Instant from = b.start().isBefore(started) ? started : b.start();
    Instant end = b.start().plus(b.width());
    Instant to = end.isAfter(ended) ? ended : end;
    long millis = Duration.between(from, to).toMillis();
    return (millis > 0 ? millis : b.width().toMillis()) / 1000.0;
  }

  private static double ratio(long of, long per) {
    return per == 0 ? 0 : round((double) of / per);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static Map<String, Object> samples(DeadLetterSamples samples) {
    Map<String, Object> tree = new LinkedHashMap<>();
    samples
        .byReason()
        .forEach(
            (reason, list) -> {
              List<Map<String, Object>> rows = new ArrayList<>();
              for (DeadLetterSamples.Sample s : list) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("position", s.position());
                row.put("index", s.index());
                row.put("id", s.id());
                row.put("reason", s.reason());
                row.put("source", s.source());
                row.put("source_truncated", s.truncated());
                rows.add(row);
              }
              tree.put(reason, rows);
            });
    return tree;
  }
}
