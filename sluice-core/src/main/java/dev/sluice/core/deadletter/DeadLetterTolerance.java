package dev.sluice.core.deadletter;

import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.config.ConfigKeys;
import java.util.Map;

/**
 * Stops a load that rejects too much: more than {@code maxCount} dead letters, or a dead-letter
 * share above {@code maxRatio} once {@code minDocs} documents are resolved. "One bad mapping
 * rejects every document" thus stops after the first {@code minDocs}, not after a billion.
 */
public final class DeadLetterTolerance {
  private final long maxCount;
  private final double maxRatio;
  private final long minDocs;

  /**
   * @param maxCount -1 for no count limit
   * @param maxRatio 1.0 for no ratio limit
   */
  public DeadLetterTolerance(long maxCount, double maxRatio, long minDocs) {
    this.maxCount = maxCount;
    this.maxRatio = maxRatio;
    this.minDocs = minDocs;
  }

  /**
   * @param resolved documents indexed or dead-lettered so far
   * @throws DeadLetterToleranceException when a limit is exceeded
   */
  public void check(long deadLettered, long resolved, Map<String, Long> byReason) {
    if (maxCount >= 0 && deadLettered > maxCount) {
      throw new DeadLetterToleranceException(
          deadLettered
              + " documents were dead-lettered, more than "
              + ConfigKeys.DEADLETTER_MAX_COUNT.name()
              + "="
              + maxCount
              + mostCommon(byReason)
              + ". Fix the data or the index mapping, or raise the limit.");
    }
    if (maxRatio < 1.0 && resolved >= minDocs && deadLettered > maxRatio * resolved) {
      throw new DeadLetterToleranceException(
          deadLettered
              + " of the first "
              + resolved
              + " documents were dead-lettered, more than "
              + ConfigKeys.DEADLETTER_MAX_RATIO.name()
              + "="
              + maxRatio
              + mostCommon(byReason)
              + ". Fix the data or the index mapping, or raise the limit.");
    }
  }

  private static String mostCommon(Map<String, Long> byReason) {
    return byReason.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> "; most common reason: " + e.getKey() + " (" + e.getValue() + ")")
        .orElse("");
  }
}
