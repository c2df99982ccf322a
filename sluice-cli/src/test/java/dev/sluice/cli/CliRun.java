package dev.sluice.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** One {@code sluice} command run in this JVM, with what it printed. */
record CliRun(int exit, String out, String err) {
  private static final Pattern RUN_DIRECTORY = Pattern.compile("run directory: (\\S+)");

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(System.err, true));
      exit = cli.execute(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    CliRun run =
        new CliRun(
            exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    stdout.print(run.out);
    stderr.print(run.err);
    return run;
  }

  /** The run directory the command printed first. */
  Path runDirectory() {
    return runDirectoryIn(out + err);
  }

  /** The run directory a {@code sluice load} printed first, in everything it printed. */
  static Path runDirectoryIn(String printed) {
    Matcher m = RUN_DIRECTORY.matcher(printed);
    if (!m.find()) {
      throw new AssertionError("no run directory printed:\n" + printed);
    }
    return Path.of(m.group(1));
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
