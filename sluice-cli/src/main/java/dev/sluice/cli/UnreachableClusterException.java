package dev.sluice.cli;

/** No node of {@code --es} answered; the message names them and what was tried. Exit code 1. */
final class UnreachableClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreachableClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
