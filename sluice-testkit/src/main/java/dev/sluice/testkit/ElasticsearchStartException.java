package dev.sluice.testkit;

import java.util.List;

/**
 * A local Elasticsearch node could not be started or stopped; the message says why and what to do.
 */
public final class ElasticsearchStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ElasticsearchStartException(String message) {
    super(message);
  }

  public ElasticsearchStartException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A command this node needed exited non-zero; {@code detail} is what it printed. */
  static ElasticsearchStartException commandFailed(List<String> command, int exit, String detail) {
    return new ElasticsearchStartException(
        "`" + String.join(" ", command) + "` failed (exit " + exit + "):" + detail);
  }
}
