package dev.sluice.core.bulk;

import dev.sluice.core.bulk.ItemOutcome.Retry;
import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per bulk round that needs retries, and a debug line for every round. */
final class RoundLog {
  private static final Logger LOG = LoggerFactory.getLogger(WriterLoop.class);

  private final String writerId;

  RoundLog(String writerId) {
    this.writerId = writerId;
  }

  void log(Batch batch, BatchVerdict verdict, int retried, Duration latency) {
    if (verdict.requestFailure() != null) {
      LOG.info(
          "writer={} batch={} request failed ({}); retrying all {} documents after backoff",
          writerId,
          batch.id(),
          verdict.requestFailure(),
          retried);
    } else if (retried > 0) {
      LOG.info(
          "writer={} batch={} retrying {} of {} documents after backoff (reasons: {})",
          writerId,
          batch.id(),
          retried,
          batch.size(),
          reasons(verdict));
    }
    LOG.debug(
        "writer={} batch={} done docs={} retried={} took={}ms",
        writerId,
        batch.id(),
        batch.size(),
        retried,
        latency.toMillis());
  }

  private static String reasons(BatchVerdict verdict) {
    return String.join(
        ",",
        verdict.outcomes().stream()
            .flatMap(o -> o instanceof Retry r ? Stream.of(r.reason()) : Stream.empty())
            .distinct()
            .toList());
  }
}
