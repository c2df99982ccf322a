package dev.sluice.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The dead-letter directory a command was given: itself, or the one of a run directory. */
final class DeadLetterDirectory {
  private DeadLetterDirectory() {}

  static Path of(Path given) {
    if (!Files.exists(given)) {
      throw new UsageException(given + " does not exist: give a dead-letter directory.");
    }
    if (Files.isRegularFile(given.resolve(RunDirectory.SETTINGS))) {
      return Path.of(RunDirectory.find(given).readSettings().deadLetters());
    }
    return given.toAbsolutePath().normalize();
  }

  /** The settings of the load that wrote {@code deadLetters}, when it was a {@code sluice load}. */
  static Optional<LoadSettings> settingsOf(Path deadLetters) {
    try {
      return Optional.of(RunDirectory.find(deadLetters).readSettings());
    } catch (UsageException e) {
      return Optional.empty();
    }
  }
}
