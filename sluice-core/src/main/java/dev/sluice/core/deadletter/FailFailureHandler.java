package dev.sluice.core.deadletter;

import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.config.ConfigKeys;
import java.util.List;

/**
 * elasticsearch-hadoop's {@code fail} handler, also what happens to a document every handler passed
 * on: the job fails at the first one, which is in the dead-letter store by then.
 */
final class FailFailureHandler implements FailureHandler {
  private final String why;

  /**
   * @param why "es.write.rest.error.handlers=fail", or how the chain came to its end
   */
  FailFailureHandler(String why) {
    this.why = why;
  }

  @Override
  public List<DeadLetterRecord> handle(List<DeadLetterRecord> records) {
    if (records.isEmpty()) {
      return records;
    }
    DeadLetterRecord first = records.get(0);
    throw new DeadLetterToleranceException(
        "Document "
            + first.id()
            + " ("
            + first.position()
            + ") was rejected by index "
            + first.index()
            + " with "
            + first.errorType()
            + ": "
            + first.reason()
            + "; "
            + why
            + " fails the job at the first rejected document (it is in the dead-letter store)."
            + " Fix the data or the mapping, or change "
            + ConfigKeys.ERROR_HANDLERS.name()
            + ".");
  }
}
