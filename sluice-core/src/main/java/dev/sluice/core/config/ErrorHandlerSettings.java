package dev.sluice.core.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One of elasticsearch-hadoop's built-in bulk error handlers ({@code
 * es.write.rest.error.handlers}), as Sluice runs it over dead letters: every rejected document is
 * still written to the dead-letter store first; the chain then decides what else happens to it and
 * whether the job goes on.
 */
public sealed interface ErrorHandlerSettings extends Serializable {

  /** What a handler tells the chain, as elasticsearch-hadoop's {@code HandlerResult}. */
  enum Result {
    /** Done with it: the job goes on, later handlers are not asked. */
    HANDLED,
    /** Ask the next handler (after the last one: fail). */
    PASS,
    /** Fail the job. */
    ABORT
  }

  /**
   * {@code log}: logs the rejection at {@code level} on the logger {@code loggerName}; HANDLED.
   *
   * @param level ERROR, WARN, INFO, DEBUG or TRACE (FATAL is logged as ERROR)
   */
  record Log(String loggerName, String level) implements ErrorHandlerSettings {}

  /** {@code fail}: the job fails at the first rejected document. */
  record Fail() implements ErrorHandlerSettings {}

  /**
   * {@code es}: indexes each rejection as a document into {@code index}, then answers {@code
   * onWritten}; {@code onError} when that indexing fails.
   *
   * @param connection where the index is: the job's connection, or the handler's own
   * @param labels {@code es.write.rest.error.handler.es.label.<name>}, added as {@code labels}
   */
  record Index(
      ConnectionSettings connection,
      String index,
      Map<String, String> labels,
      List<String> tags,
      Result onWritten,
      Result onError)
      implements ErrorHandlerSettings {
    public Index {
      labels = Map.copyOf(labels);
      tags = List.copyOf(tags);
    }
  }
}
