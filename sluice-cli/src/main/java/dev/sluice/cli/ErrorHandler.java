package dev.sluice.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints what a failed command tells the user ({@link Failure}) and returns its exit code; the
 * stack trace only with {@code --verbose} (or {@code SLUICE_DEBUG=1}).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    Failure failure = Failure.of(e);
    PrintWriter err = command.getErr();
    err.println("sluice: " + failure.message());
    if (verbose(parsed)) {
      e.printStackTrace(err);
    } else if (failure.exitCode() == ExitCode.FAILED) {
      err.println("(run with --verbose for the stack trace)");
    }
    err.flush();
    return failure.exitCode();
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return System.getenv("SLUICE_DEBUG") != null;
  }
}
