package dev.sluice.core.retry;

/**
 * The classifier's answer.
 *
 * @param reason a short stable key for counters and dead letters: the Elasticsearch error type,
 *     else "http_503", else a transport fault such as "connection_reset"
 * @param possiblyApplied the cluster may have applied the request before it failed (a response cut
 *     mid-way, a 502/504 from a proxy), so a retry may duplicate documents with generated ids
 */
public record Classification(FailureClass failureClass, String reason, boolean possiblyApplied) {}
