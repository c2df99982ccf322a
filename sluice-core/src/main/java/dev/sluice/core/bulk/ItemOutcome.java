package dev.sluice.core.bulk;

import java.time.Duration;

/** What happened to one document of a bulk request. Values, not exceptions. */
public sealed interface ItemOutcome {

  /** Elasticsearch applied it; result is "created", "updated", "deleted", "noop" or "not_found". */
  record Indexed(String result) implements ItemOutcome {}

  /**
   * Send it again after {@code delay}.
   *
   * @param throttled the cluster asked us to slow down
   * @param possiblyApplied the failed attempt may have been applied anyway
   */
  record Retry(Duration delay, String reason, boolean throttled, boolean possiblyApplied)
      implements ItemOutcome {}

  /** Never retried: goes to the dead-letter store with this status, error type and reason. */
  record DeadLetter(int status, String errorType, String reason) implements ItemOutcome {}
}
