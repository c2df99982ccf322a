package dev.sluice.core.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Retry bounds.
 *
 * @param maxAttempts sends per document for transient faults (es.batch.write.retry.count + 1;
 *     Integer.MAX_VALUE when the count is negative)
 * @param baseDelay first backoff ceiling (es.batch.write.retry.wait); zero: retries do not wait
 * @param maxDelay cap on any one delay
 * @param budget longest time one document may spend being retried
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration budget)
    implements Serializable {}
