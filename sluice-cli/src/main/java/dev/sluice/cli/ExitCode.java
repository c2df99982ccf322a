package dev.sluice.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every {@code sluice} command, listed in each {@code --help} and the README. */
final class ExitCode {
  static final int INDEXED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int DEAD_LETTERS = 3;
  static final int STOPPED = 4;
  static final int CANCELLED = 130;

  /** The exit-code list of every command's {@code --help}, code to meaning. */
  static final Map<String, String> HELP = help();

  private static Map<String, String> help() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" 0", "every record indexed");
    codes.put(" 1", "another failure (cluster unreachable, a bug): the message says what");
    codes.put(
        " 2",
        "usage or configuration error: a bad option, a missing or unreadable input, credentials"
            + " refused, a missing index");
    codes.put(
        " 3", "finished, with dead letters within the tolerance (sluice dead-letters inspect DIR)");
    codes.put(
        " 4",
        "stopped by the dead-letter tolerance or the retry budget: fix the cause, then sluice"
            + " resume RUN_DIR");
    codes.put("130", "cancelled (Ctrl-C); progress is saved: sluice resume RUN_DIR");
    return Collections.unmodifiableMap(codes);
  }

  private ExitCode() {}
}
