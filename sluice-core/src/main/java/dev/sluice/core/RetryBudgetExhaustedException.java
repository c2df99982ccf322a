package dev.sluice.core;

/**
 * The cluster kept failing whole requests (unreachable, overloaded) until the retry budget ran out.
 */
public final class RetryBudgetExhaustedException extends SluiceException {
  private static final long serialVersionUID = 1L;

  public RetryBudgetExhaustedException(String message) {
    super(message);
  }

  public RetryBudgetExhaustedException(String message, Throwable cause) {
    super(message, cause);
  }
}
