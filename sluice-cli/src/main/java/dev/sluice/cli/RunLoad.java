package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.deadletter.DeadLetterTolerance;
import dev.sluice.core.report.RunReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one load (a first run or a resume) in its run directory and says how it went: reads the
 * input ({@link InputReader}), dead-letters malformed records ({@link MalformedRecords}), writes
 * through the connector with progress shown, and returns the exit code ({@link LoadOutcome}).
 */
final class RunLoad {
  private final RunDirectory run;
  private final LoadSettings settings;
  private final Console console;

  /** Where a command prints, and how much. */
  record Console(PrintStream out, PrintStream err, boolean quiet, boolean verbose) {}

  RunLoad(RunDirectory run, LoadSettings settings, Console console) {
    this.run = run;
    this.settings = settings;
    this.console = console;
  }

  int execute() {
    SluiceConfig config = Preflight.check(settings);
    Path report = Path.of(settings.report());
    deleteEarlier(report);
    SparkSession spark = LocalSpark.start("sluice-load", settings.master());
    CancelOnInterrupt cancel = CancelOnInterrupt.install(spark);
    long malformed = 0;
    Exception failure = null; // SparkException is checked, and Scala throws it undeclared
    JsonNode result = null;
    try {
      InputReader.Input input = InputReader.read(spark, settings);
      if (input.malformed() != null) {
        malformed =
            MalformedRecords.deadLetter(input.malformed(), settings, Clock.systemUTC().instant());
        if (malformed > 0) {
          console
              .err()
              .printf(
                  "%,d malformed input records dead-lettered (%s)%n",
                  malformed, MalformedRecords.ERROR_TYPE);
        }
      }
      long total = knownTotal(input);
      ProgressListener listener =
          new ProgressListener(
              Clock.systemUTC(), total, new CheckpointProgress(settings.checkpoint()));
      spark.sparkContext().addSparkListener(listener);
      ProgressView view =
          ProgressView.start(() -> listener.snapshot().line(), console.quiet(), console.err());
      try {
        result = SparkLoad.run(input.good(), settings.connectorOptions(), report);
      } finally {
        view.close();
        spark.sparkContext().removeSparkListener(listener);
      }
    } catch (Exception e) {
      failure = e;
    } finally {
      spark.stop();
    }
    if (result == null) {
      result = SparkLoad.readIfThere(report).orElse(null);
    }
    try {
      return conclude(config, result, malformed, failure, cancel.cancelled());
    } finally {
      // Only now may a Ctrl-C's shutdown hook let the JVM exit: the summary and the resume
      // command are printed.
      cancel.done();
    }
  }

  /** An earlier run's report must not speak for this one if this one stops before reporting. */
  private static void deleteEarlier(Path report) {
    try {
      Files.deleteIfExists(report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the report " + report, e);
    }
  }

  private long knownTotal(InputReader.Input input) {
    // Parquet and ORC know their row counts from metadata; JSON and CSV would take another pass.
    boolean columnar = settings.format().equals("parquet") || settings.format().equals("orc");
    return columnar ? input.good().count() : -1;
  }

  private int conclude(
      SluiceConfig config, JsonNode report, long malformed, Exception thrown, boolean cancelled) {
    long stored =
        DeadLetterStats.of(Path.of(settings.deadLetters()), 0, r -> true).total()
            + DeadLetterStats.staged(Path.of(settings.deadLetters())).total();
    String ended = report == null ? null : report.path("ended").asText();
    Failure failure = thrown == null ? null : Failure.of(thrown);
    if (failure == null && report != null) {
      failure = beyondTolerance(config, report, malformed).orElse(null);
      if (failure != null) {
        ended = "stopped_by_tolerance";
      }
    }
    int code = LoadOutcome.exitCode(ended, stored, failure, cancelled);
    PrintStream out = console.out();
    if (report != null) {
      JsonNode counters = report.path("counters");
      out.printf(
          "%s: read %,d, indexed %,d, dead-lettered %,d (+ %,d malformed input records),"
              + " skipped by the checkpoint %,d%n",
          SparkLoad.ending(report),
          counters.path("read").asLong(),
          counters.path("indexed").asLong(),
          counters.path("deadLettered").asLong(),
          malformed,
          counters.path("skippedByCheckpoint").asLong());
      out.println("  " + report.path("reconciliation").path("statement").asText());
      out.println("  report        " + settings.report());
      out.println("  report page   " + RunReportWriter.pageLocation(settings.report()));
    }
    if (stored > 0) {
      out.printf(
          "  dead letters  %,d in %s (sluice dead-letters inspect %s)%n",
          stored, settings.deadLetters(), settings.deadLetters());
    }
    if (failure != null || code == ExitCode.CANCELLED) {
      String message = code == ExitCode.CANCELLED ? "cancelled" : failure.message();
      console.err().println("sluice: " + message);
      if (thrown != null && console.verbose()) {
        thrown.printStackTrace(console.err());
      }
    }
    if (code == ExitCode.STOPPED || code == ExitCode.CANCELLED || code == ExitCode.FAILED) {
      console
          .err()
          .println(
              "Progress is saved in "
                  + settings.checkpoint()
                  + (code == ExitCode.CANCELLED ? ". Continue with: " : ". Fix the cause, then: ")
                  + "sluice resume "
                  + run.path()
                  + (code == ExitCode.STOPPED ? " [-o option=value]" : ""));
    }
    out.println("exit " + code);
    out.flush();
    return code;
  }

  /**
   * The connector judges the dead letters it made; the malformed input records count too, so the
   * tolerance is judged again over both.
   */
  private static Optional<Failure> beyondTolerance(
      SluiceConfig config, JsonNode report, long malformed) {
    if (malformed == 0) {
      return Optional.empty();
    }
    JsonNode counters = report.path("counters");
    long dead = counters.path("deadLettered").asLong() + malformed;
    long settled = counters.path("indexed").asLong() + dead;
    DeadLetterTolerance tolerance = DeadLetterTolerance.of(config.deadLetter());
    return tolerance
        .exceeded(dead, settled)
        .map(
            limit ->
                new Failure(
                    ExitCode.STOPPED,
                    "stopped by the dead-letter tolerance: "
                        + dead
                        + " dead letters ("
                        + malformed
                        + " malformed input records) of "
                        + settled
                        + " records exceed "
                        + limit.name()
                        + "; fix the input, or raise the limit with -o "
                        + limit.name()
                        + "=..."));
  }
}
