package dev.sluice.testkit;

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
}
