package dev.sluice.core.config;

import java.io.Serializable;
import java.util.List;

/**
 * Dead-letter store location, tolerance, and the error handlers run over each dead letter.
 *
 * @param maxCount -1 = no count limit
 * @param maxRatio 1.0 = no ratio limit
 * @param ratioMinDocs resolved documents needed before the ratio is checked
 * @param handlers es.write.rest.error.handlers in order; empty = none given
 */
public record DeadLetterSettings(
    String path,
    long maxCount,
    double maxRatio,
    long ratioMinDocs,
    List<ErrorHandlerSettings> handlers)
    implements Serializable {

  public DeadLetterSettings {
    handlers = List.copyOf(handlers);
  }

  public DeadLetterSettings(String path, long maxCount, double maxRatio, long ratioMinDocs) {
    this(path, maxCount, maxRatio, ratioMinDocs, List.of());
  }
}
