package dev.sluice.cli;

/** A load's exit code from how its report says it ended; a pure function, tested as a table. */
final class LoadOutcome {
  private LoadOutcome() {}

  /**
   * @param ended the report's {@code ended} ("finished", "stopped_by_tolerance", ...), or null when
   *     the load stopped before the connector wrote one
   * @param deadLetters records in the run's dead-letter store
   * @param failure what the load threw, or null
   * @param cancelled whether the user cancelled it (Ctrl-C)
   */
  static int exitCode(String ended, long deadLetters, Failure failure, boolean cancelled) {
    if (cancelled || "cancelled".equals(ended)) {
      return ExitCode.CANCELLED;
    }
    if ("stopped_by_tolerance".equals(ended)) {
      return ExitCode.STOPPED;
    }
    if (failure != null) {
      return failure.exitCode();
    }
    if (ended != null && !"finished".equals(ended)) {
      return ExitCode.FAILED;
    }
    return deadLetters > 0 ? ExitCode.DEAD_LETTERS : ExitCode.INDEXED;
  }
}
