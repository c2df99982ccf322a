package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.JobFinished;
import dev.sluice.core.checkpoint.JobManifest;
import dev.sluice.core.checkpoint.PartitionCheckpoint;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What a running or stopped load has done, from its checkpoint, report and dead letters. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what a load has done, running or stopped: partitions done, rows settled, dead"
          + " letters by reason, last progress, how it ended. Reads the run directory only (no"
          + " Spark, no cluster).",
      "",
      "Example:",
      "  sluice status sluice-out/orders-20261130-101500",
      ""
    })
final class StatusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run directory sluice load printed.")
  Path directory;

  @Option(names = "--verbose", description = "Stack traces with errors.")
  boolean verbose;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    RunDirectory run = RunDirectory.find(directory);
    LoadSettings settings = run.readSettings();
    System.out.print(describe(run.path(), settings, clock.instant()));
    System.out.flush();
    return ExitCode.INDEXED;
  }

  static String describe(Path run, LoadSettings settings, Instant now) {
    StringBuilder text = new StringBuilder();
    line(text, "run", run + "");
    line(
        text,
        "load",
        settings.format()
            + " "
            + String.join(", ", settings.inputs())
            + " into "
            + settings.index());
    Optional<JsonNode> report = SparkLoad.readIfThere(Path.of(settings.report()));
    line(
        text,
        "state",
        report
            .map(
                r ->
                    SparkLoad.ending(r)
                        + (r.hasNonNull("cause") ? ": " + r.path("cause").asText() : ""))
            .orElse("running, or stopped before it reported (no report yet)"));
    CheckpointStore store = new CheckpointStore(new LocalFileStorage(), settings.checkpoint());
    Optional<JobManifest> manifest = store.readManifest();
    List<PartitionCheckpoint> partitions =
        manifest.isPresent() ? store.readPartitions() : List.of();
    Optional<JobFinished> finished = store.readFinished();
    long done = partitions.stream().filter(PartitionCheckpoint::complete).count();
    long rows = partitions.stream().mapToLong(PartitionCheckpoint::rows).sum();
    long dead = partitions.stream().mapToLong(PartitionCheckpoint::deadLettered).sum();
    line(
        text,
        "partitions",
        manifest.isEmpty()
            ? "none recorded yet"
            : done
                + " of "
                + manifest.get().partitions()
                + " done"
                + (finished.isPresent() ? " (job finished)" : ""));
    line(text, "rows settled", String.format("%,d (%,d of them dead-lettered)", rows, dead));
    partitions.stream()
        .map(PartitionCheckpoint::updatedAt)
        .max(Instant::compareTo)
        .ifPresent(
            last ->
                line(
                    text,
                    "last progress",
                    last + " (" + ProgressSnapshot.clock(Duration.between(last, now)) + " ago)"));
    Path deadLetters = Path.of(settings.deadLetters());
    DeadLetterStats published = DeadLetterStats.of(deadLetters, 0, r -> true);
    DeadLetterStats staged = DeadLetterStats.staged(deadLetters);
    line(
        text,
        "dead letters",
        String.format(
            "%,d in %s: %s",
            published.total(), deadLetters, DeadLetterStats.counts(published.byReason())));
    if (staged.total() > 0) {
      line(
          text,
          "staged",
          String.format(
              "%,d dead letters of a run that did not finish: %s (published when it finishes)",
              staged.total(), DeadLetterStats.counts(staged.byReason())));
    }
    report.ifPresent(r -> line(text, "report", settings.report()));
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("%-14s%s%n", label, value));
  }
}
