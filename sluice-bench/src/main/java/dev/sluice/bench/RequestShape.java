package dev.sluice.bench;

import dev.sluice.core.LoadResult;
import dev.sluice.core.report.Measure;
import java.util.List;

/**
 * What a load's requests looked like, from its writers' time series: the numbers that say whether a
 * slower load sent smaller batches, fewer at once, or waited longer for each.
 *
 * @param kbPerRequest mean request body, KB
 * @param meanInFlight mean requests in flight over the load (below the flow's concurrency: the node
 *     waited for the writers between requests)
 * @param meanLatencyMillis mean milliseconds from a request's send to its response
 */
record RequestShape(double kbPerRequest, double meanInFlight, double meanLatencyMillis) {

  static RequestShape of(List<LoadResult> writers, double seconds) {
    long bytes = total(writers, Measure.BYTES_SENT);
    long requests = total(writers, Measure.REQUESTS_SENT);
    long responses = total(writers, Measure.RESPONSES);
    return new RequestShape(
        bytes / 1024.0 / Math.max(1, requests),
        total(writers, Measure.IN_FLIGHT_MILLIS) / (seconds * 1000),
        (double) total(writers, Measure.LATENCY_SUM_MILLIS) / Math.max(1, responses));
  }

  private static long total(List<LoadResult> writers, Measure measure) {
    return writers.stream().mapToLong(w -> w.series().total(measure)).sum();
  }
}
