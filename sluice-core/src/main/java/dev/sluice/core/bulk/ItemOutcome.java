package dev.sluice.core.bulk;

import dev.sluice.core.retry.Classification;
import dev.sluice.core.retry.FailureClass;
import java.time.Duration;

/** What happened to one document of a bulk request. Values, not exceptions. */
sealed interface ItemOutcome {

  /** Elasticsearch applied it; result is "created", "updated", "deleted", "noop" or "not_found". */
  record Indexed(String result) implements ItemOutcome {}

  /**
   * An {@code index} with a content-hash id that found its document already there ("updated" or
   * "noop") on a first send: another row with the same content, in this load or an earlier one, had
   * written it. Settled, but counted apart from the documents indexed.
   */
  record Merged() implements ItemOutcome {
    static final Merged INSTANCE = new Merged();
  }

  /**
   * A {@code create} refused because the id exists, where this load may have written it itself:
   * delivered, by an earlier send.
   */
  record AlreadyDelivered() implements ItemOutcome {
    static final AlreadyDelivered INSTANCE = new AlreadyDelivered();
  }

  /**
   * Send it again {@code after} this long.
   *
   * @param cause THROTTLED, TRANSIENT or SEND_ALONE, and whether the failed send may have been
   *     applied anyway
   */
  record Retry(Duration after, Classification cause) implements ItemOutcome {
    String reason() {
      return cause.reason();
    }

    /** The cluster asked us to slow down. */
    boolean throttled() {
      return cause.failureClass() == FailureClass.THROTTLED;
    }

    boolean possiblyApplied() {
      return cause.possiblyApplied();
    }
  }

  /** Never retried: goes to the dead-letter store with this status, error type and reason. */
  record DeadLetter(int status, String errorType, String reason) implements ItemOutcome {}
}
