package dev.sluice.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Continues a stopped load with its recorded settings. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Continues a load that stopped (tolerance, retry budget, Ctrl-C, a crash) with the settings"
          + " recorded in its run directory; secrets are read again from their env:/file:"
          + " references. Rows the checkpoint proves settled are not sent again.",
      "",
      "Examples:",
      "  sluice resume sluice-out/orders-20261130-101500",
      "  sluice resume sluice-out/orders-20261130-101500 -o sluice.deadletter.max.count=100",
      ""
    })
final class ResumeCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RUN_DIR",
      description = "The run directory sluice load printed (or its checkpoint directory).")
  Path directory;

  @Option(
      names = {"-o", "--option"},
      paramLabel = "KEY=VALUE",
      description = "A connector option to change before resuming (repeatable); recorded.")
  Map<String, String> options = new LinkedHashMap<>();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    RunDirectory run = RunDirectory.find(directory);
    System.out.println("run directory: " + run.path() + " (resuming)");
    System.out.flush();
    LoadSettings settings = run.readSettings().withOptions(options);
    return output.load(run, settings);
  }
}
