package dev.sluice.testkit.proxy;

/** The proxy could not get an answer from the upstream (refused, reset, timed out). */
final class UpstreamException extends Exception {
  private static final long serialVersionUID = 1L;

  UpstreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
