package dev.sluice.cli;

import picocli.CommandLine.Option;

/** How much a command prints: a mixin of the commands that run a load or read one. */
final class OutputOptions {
  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Option(
      names = "--verbose",
      description = "Sluice's INFO log lines, and stack traces with errors.")
  boolean verbose;

  /** Records {@code settings} in {@code run} (never a literal secret) and runs the load. */
  int load(RunDirectory run, LoadSettings settings) {
    settings.refuseLiteralSecrets();
    run.writeSettings(settings);
    return new RunLoad(run, settings, new RunLoad.Console(System.out, System.err, quiet, verbose))
        .execute();
  }
}
