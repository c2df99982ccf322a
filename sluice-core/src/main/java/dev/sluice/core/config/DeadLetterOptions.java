package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.DEADLETTER_MAX_COUNT;
import static dev.sluice.core.config.ConfigKeys.DEADLETTER_MAX_RATIO;
import static dev.sluice.core.config.ConfigKeys.DEADLETTER_PATH;
import static dev.sluice.core.config.ConfigKeys.DEADLETTER_RATIO_MIN_DOCS;

import java.util.List;

/**
 * Builds {@link DeadLetterSettings}. With error handlers given, the chain decides when rejections
 * fail the job (a {@code fail}, or the end of the chain), so Sluice's tolerance limits apply only
 * where the user gives them too.
 */
public final class DeadLetterOptions {
  private DeadLetterOptions() {}

  public static DeadLetterSettings resolve(ResolvedOptions o) {
    List<ErrorHandlerSettings> handlers = ErrorHandlerOptions.resolve(o);
    boolean chain = !handlers.isEmpty();
    long maxCount = o.get(DEADLETTER_MAX_COUNT);
    double maxRatio = o.get(DEADLETTER_MAX_RATIO);
    if (chain && !o.given(DEADLETTER_MAX_COUNT)) {
      maxCount = -1;
      o.showEffective(DEADLETTER_MAX_COUNT, maxCount);
    }
    if (chain && !o.given(DEADLETTER_MAX_RATIO)) {
      maxRatio = 1.0;
      o.showEffective(DEADLETTER_MAX_RATIO, maxRatio);
    }
    return new DeadLetterSettings(
        o.get(DEADLETTER_PATH), maxCount, maxRatio, o.get(DEADLETTER_RATIO_MIN_DOCS), handlers);
  }
}
