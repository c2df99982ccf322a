package dev.sluice.core.deadletter;

import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.DeadLetterSettings;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a load that rejects too much: more than {@code maxCount} dead letters, or a dead-letter
 * share above {@code maxRatio} once {@code minDocs} documents are resolved. "One bad mapping
 * rejects every document" thus stops after the first {@code minDocs}, not after a billion. Each
 * writer checks its own counts as it goes (the early stop); the driver checks the job's totals at
 * commit, so the verdict does not depend on how the input was partitioned.
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

  public static DeadLetterTolerance of(DeadLetterSettings settings) {
    return new DeadLetterTolerance(
        settings.maxCount(), settings.maxRatio(), settings.ratioMinDocs());
  }

  /**
   * The option whose limit {@code deadLettered} of {@code resolved} documents exceed, or empty when
   * they are within the tolerance.
   *
   * @param resolved documents indexed or dead-lettered
   */
  public Optional<ConfigKey<?>> exceeded(long deadLettered, long resolved) {
    if (maxCount >= 0 && deadLettered > maxCount) {
      return Optional.of(ConfigKeys.DEADLETTER_MAX_COUNT);
    }
    if (maxRatio < 1.0 && resolved >= minDocs && deadLettered > maxRatio * resolved) {
      return Optional.of(ConfigKeys.DEADLETTER_MAX_RATIO);
    }
    return Optional.empty();
  }

  /**
   * As {@link #exceeded}, for a whole job's final totals: there the sample is everything, so a job
   * whose every resolved document was dead-lettered exceeds any ratio below 1 however few documents
   * it had ({@code sluice.deadletter.ratio.min.docs} only keeps a writer from stopping on the first
   * few documents of a load).
   */
  public Optional<ConfigKey<?>> exceededByJob(long deadLettered, long resolved) {
    Optional<ConfigKey<?>> limit = exceeded(deadLettered, resolved);
    if (limit.isEmpty() && maxRatio < 1.0 && deadLettered > 0 && deadLettered == resolved) {
      return Optional.of(ConfigKeys.DEADLETTER_MAX_RATIO);
    }
    return limit;
  }

  /**
   * "more than sluice.deadletter.max.count=5; most common reason: mapper_parsing_exception (6)".
   *
   * @param limit what {@link #exceeded} returned
   */
  public String beyond(ConfigKey<?> limit, Map<String, Long> byReason) {
    String value =
        limit.equals(ConfigKeys.DEADLETTER_MAX_COUNT)
            ? Long.toString(maxCount)
            : Double.toString(maxRatio);
    return "more than " + limit.name() + "=" + value + mostCommon(byReason);
  }

  /**
   * @param resolved documents indexed or dead-lettered so far
   * @throws DeadLetterToleranceException when a limit is exceeded
   */
  public void check(long deadLettered, long resolved, Map<String, Long> byReason) {
    Optional<ConfigKey<?>> limit = exceeded(deadLettered, resolved);
    if (limit.isEmpty()) {
      return;
    }
    String counted =
        limit.get().equals(ConfigKeys.DEADLETTER_MAX_COUNT)
            ? deadLettered + " documents were dead-lettered, "
            : deadLettered + " of the first " + resolved + " documents were dead-lettered, ";
    throw new DeadLetterToleranceException(
        counted
            + beyond(limit.get(), byReason)
            + ". Fix the data or the index mapping, or raise the limit.");
  }

  private static String mostCommon(Map<String, Long> byReason) {
    return byReason.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> "; most common reason: " + e.getKey() + " (" + e.getValue() + ")")
        .orElse("");
  }
}
