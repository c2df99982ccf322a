package dev.sluice.core.config;

import java.io.Serializable;

/**
 * Dead-letter store location and tolerance.
 *
 * @param maxCount -1 = no count limit
 * @param maxRatio 1.0 = no ratio limit
 * @param ratioMinDocs resolved documents needed before the ratio is checked
 */
public record DeadLetterSettings(String path, long maxCount, double maxRatio, long ratioMinDocs)
    implements Serializable {}
