package dev.sluice.cli;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.ConfigException;
import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.RetryBudgetExhaustedException;
import dev.sluice.core.checkpoint.CheckpointCorruptException;
import dev.sluice.core.checkpoint.CheckpointMismatchException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.ParameterException;

/**
 * What a command that threw tells the user: its exit code and one or two lines. A pure function of
 * the exception and its causes (Spark wraps a task's failure several times; the cause that says
 * what to do is inside), tested as a table in {@code FailureTest}.
 */
record Failure(int exitCode, String message) {

  static Failure of(Throwable thrown) {
    Failure best = null;
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Failure here = known(t);
      if (here != null && (best == null || rank(here) > rank(best))) {
        best = here;
      }
    }
    return best != null ? best : new Failure(ExitCode.FAILED, innermost(thrown));
  }

  /** The stop that says most wins: a tolerance stop makes Spark kill the other tasks, for one. */
  private static int rank(Failure f) {
    return switch (f.exitCode()) {
      case ExitCode.STOPPED -> 4;
      case ExitCode.USAGE -> 3;
      case ExitCode.CANCELLED -> 2;
      default -> 1;
    };
  }

  private static Failure known(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t instanceof DeadLetterToleranceException) {
      return new Failure(ExitCode.STOPPED, "stopped by the dead-letter tolerance: " + message);
    }
    if (t instanceof RetryBudgetExhaustedException) {
      return new Failure(ExitCode.STOPPED, "stopped by the retry budget: " + message);
    }
    if (t instanceof UsageException || t instanceof ParameterException) {
      return new Failure(ExitCode.USAGE, message);
    }
    if (t instanceof ConfigException
        || t instanceof ClusterFatalException
        || t instanceof CheckpointMismatchException
        || t instanceof CheckpointCorruptException) {
      return new Failure(ExitCode.USAGE, message);
    }
    if (t instanceof InterruptedException || t instanceof CancellationException) {
      return new Failure(ExitCode.CANCELLED, "cancelled");
    }
    if (t instanceof UnreachableClusterException) {
      return new Failure(ExitCode.FAILED, message);
    }
    return null;
  }

  private static String innermost(Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
  }

  /** Spark puts whole remote stack traces into messages; the first line is the one that helps. */
  static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
