package dev.sluice.core;

/** More documents were rejected than {@code sluice.deadletter.max.*} allows; the load stopped. */
public final class DeadLetterToleranceException extends SluiceException {
  private static final long serialVersionUID = 1L;

  public DeadLetterToleranceException(String message) {
    super(message);
  }
}
