package dev.sluice.core.flow;

import java.time.Duration;

/**
 * One response, as the flow control sees it.
 *
 * @param sentEpoch {@link FlowControl#epoch()} when the request was sent
 * @param bytes the request's document bytes
 * @param throttledShare throttled items over all items (0 when none or the request failed whole)
 * @param requestFailed the whole request was refused or lost (a 429, 503, reset, timeout)
 */
public record FlowSignal(
    long sentEpoch, long bytes, Duration latency, double throttledShare, boolean requestFailed) {}
