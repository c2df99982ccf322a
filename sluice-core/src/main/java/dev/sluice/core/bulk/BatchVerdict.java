package dev.sluice.core.bulk;

import dev.sluice.core.SluiceException;
import java.util.List;

/**
 * What one bulk response means: one outcome per document, in request order, and the signals for the
 * flow control; or the job-level failure it proves.
 *
 * @param requestFailure reason the whole request failed, or null if items were answered
 * @param throttledShare the share of the request the cluster throttled: 1 for a 429 of the whole
 *     request, else throttled items over all items
 * @param stop the load must stop with this (a fatal fault, whole requests failing past the budget);
 *     null otherwise, and the outcomes are empty when it is set
 */
record BatchVerdict(
    List<ItemOutcome> outcomes,
    String requestFailure,
    double throttledShare,
    SluiceException stop) {

  static BatchVerdict stop(SluiceException failure) {
    return new BatchVerdict(List.of(), null, 0, failure);
  }

  /** A throttling signal for the flow control. */
  boolean throttled() {
    return throttledShare > 0;
  }
}
