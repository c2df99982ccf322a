package dev.sluice.cli;

import dev.sluice.core.deadletter.DeadLetterRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Counts of a dead-letter set by index and reason, and sample records. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Counts a dead-letter set by index and by reason and shows sample records (position,"
          + " id, reason, source).",
      "",
      "Examples:",
      "  sluice dead-letters inspect sluice-out/orders-20261130-101500/deadletter",
      "  sluice dead-letters inspect DIR --reason malformed_input --limit 20",
      ""
    })
final class InspectCommand implements Callable<Integer> {
  private static final int SOURCE_SHOWN = 300;

  @Parameters(paramLabel = "DIR", description = "A dead-letter directory (or a run directory).")
  Path directory;

  @Option(names = "--reason", description = "Only records with this reason (error type).")
  String reason;

  @Option(
      names = "--limit",
      defaultValue = "5",
      description = "Sample records to show (${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--verbose", description = "Stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    Path dir = DeadLetterDirectory.of(directory);
    DeadLetterStats stats =
        DeadLetterStats.of(
            dir, limit, r -> reason == null || reason.equals(DeadLetterStats.reason(r)));
    System.out.printf(
        "%,d dead letters in %s%s%n",
        stats.total(), dir, reason == null ? "" : " with reason " + reason);
    print("by index", stats.byIndex());
    print("by reason", stats.byReason());
    for (DeadLetterRecord r : stats.samples()) {
      System.out.printf(
          "%n  %s  %s id=%s%s  %s (status %d): %s%n    %s%n",
          r.position(),
          r.op(),
          r.id(),
          action(r),
          DeadLetterStats.reason(r),
          r.status(),
          r.reason(),
          source(r.source()));
    }
    if (stats.olderFormat() > 0) {
      System.out.printf(
          "%n%,d of them were written before Sluice kept routing, version and script params"
              + " (format 1): a replay sends their documents without these, as it did then.%n",
          stats.olderFormat());
    }
    DeadLetterStats staged = DeadLetterStats.staged(dir);
    if (staged.total() > 0) {
      System.out.printf(
          "%n%,d more are staged by a run that did not finish (resume it to publish them).%n",
          staged.total());
    }
    if (Files.exists(dir.resolve(ReplayMarker.FILE))) {
      System.out.println("\nReplayed already: " + ReplayMarker.read(dir).summary());
    }
    return ExitCode.INDEXED;
  }

  private static void print(String heading, Map<String, Long> counts) {
    System.out.println("  " + heading + ": " + DeadLetterStats.counts(counts));
  }

  /** What the action carried beyond id and source, as a replay sends it again. */
  private static String action(DeadLetterRecord r) {
    return (r.routing() == null ? "" : " routing=" + r.routing())
        + (r.version() == null ? "" : " version=" + r.version() + " (" + r.versionType() + ")")
        + (r.scriptParams() == null ? "" : " script params=" + source(r.scriptParams()));
  }

  private static String source(byte[] source) {
    if (source == null) {
      return "(no source)";
    }
    String text = new String(source, StandardCharsets.UTF_8);
    return text.length() <= SOURCE_SHOWN ? text : text.substring(0, SOURCE_SHOWN) + " …";
  }
}
