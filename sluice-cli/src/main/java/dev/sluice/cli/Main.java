package dev.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command. */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Bulk loads from Spark into Elasticsearch that survive failures.",
    subcommands = {
      QuickstartCommand.class,
      LoadCommand.class,
      ResumeCommand.class,
      StatusCommand.class,
      DeadLettersCommand.class,
      EsLocalCommand.class
    })
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Read by log4j2.properties when logging starts, which is later: Sluice's INFO lines too.
    if (java.util.Arrays.asList(args).contains("--verbose")) {
      System.setProperty("sluice.log.level", "info");
      System.setProperty("sluice.log.trace", "full");
    }
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine command =
        new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorHandler());
    listExitCodes(command);
    return command;
  }

  private static void listExitCodes(CommandLine command) {
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.HELP);
    command.getSubcommands().values().forEach(Main::listExitCodes);
  }
}
