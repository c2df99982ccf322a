package dev.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Job-level failures carry a message that tells the user what to do; print that, not a stack trace.
 * {@code SLUICE_DEBUG=1} shows the trace too.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    command.getErr().println("sluice: " + describe(e));
    if (System.getenv("SLUICE_DEBUG") != null) {
      e.printStackTrace(command.getErr());
    } else {
      command.getErr().println("(set SLUICE_DEBUG=1 for the stack trace)");
    }
    return 1;
  }

  /** Spark wraps task failures several times; the innermost message is the one that helps. */
  static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
