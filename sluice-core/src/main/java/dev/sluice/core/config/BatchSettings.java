package dev.sluice.core.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Batch bounds, concurrency and memory cap. maxDocs 0 = no count limit. With adaptive flow,
 * maxBytes and concurrency are upper bounds and minBatchBytes the lower one.
 */
public record BatchSettings(
    int maxDocs,
    long maxBytes,
    int concurrency,
    long memoryMaxBytes,
    boolean adaptive,
    long minBatchBytes,
    Duration latencyTarget,
    Duration flushInterval)
    implements Serializable {}
