package dev.sluice.core.bulk;

import java.util.List;

/**
 * The outcome of one bulk request: one outcome per document, in request order.
 *
 * @param requestFailure reason the whole request failed, or null if items were answered
 * @param throttled a 429 for the request or a throttled item: a signal for the flow control
 */
record BatchVerdict(List<ItemOutcome> outcomes, String requestFailure, boolean throttled) {}
