package dev.sluice.core.deadletter;

import dev.sluice.core.config.ErrorHandlerSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * elasticsearch-hadoop's {@code log} handler: one line per rejected document on the configured
 * logger, then handled. Unlike elasticsearch-hadoop it does not drop the document, which stays in
 * the dead-letter store, and it does not log the document's body (it may hold personal data or
 * secrets; the dead letter has it).
 */
final class LogFailureHandler implements FailureHandler {
  private final Logger logger;
  private final Level level;

  LogFailureHandler(ErrorHandlerSettings.Log settings) {
    this.logger = LoggerFactory.getLogger(settings.loggerName());
    this.level = Level.valueOf(settings.level());
  }

  @Override
  public List<DeadLetterRecord> handle(List<DeadLetterRecord> records) {
    for (DeadLetterRecord r : records) {
      logger
          .atLevel(level)
          .log(
              "Rejected document: index={} id={} op={} status={} error_type={} reason={}"
                  + " position={} (kept in the dead-letter store)",
              r.index(),
              r.id(),
              r.op(),
              r.status(),
              r.errorType(),
              r.reason(),
              r.position());
    }
    return List.of();
  }
}
