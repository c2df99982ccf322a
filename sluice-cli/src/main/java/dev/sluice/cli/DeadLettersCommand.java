package dev.sluice.cli;

import picocli.CommandLine.Command;

/** {@code sluice dead-letters inspect|replay}. */
@Command(
    name = "dead-letters",
    mixinStandardHelpOptions = true,
    description = "Looks at a dead-letter set, or sends its records again after a fix.",
    subcommands = {InspectCommand.class, ReplayCommand.class})
final class DeadLettersCommand {}
