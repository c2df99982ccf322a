package dev.sluice.cli;

import dev.sluice.core.Attempt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Written into a dead-letter set ({@value #FILE}) before a replay sends anything, removed once it
 * finished ({@link ReplayMarker} then says so). Found at the start of the next replay, it says an
 * earlier one was cut off (killed, stopped by an error) after it may have delivered some documents:
 * the new one is then a replay in the engine's sense ({@link Attempt#REPLAY}), where a create that
 * finds its id taken may be the earlier run's own write, and a document with a generated id may be
 * a duplicate.
 *
 * @param startedAt when the replay started
 * @param into the dead-letter set of the records that failed again
 */
record ReplayStart(String startedAt, String into) {
  static final String FILE = "_replay-started.json";

  /**
   * The engine's attempt for a replay of the set: a first send, unless an earlier replay of the
   * same records may have delivered some (one cut off, or one that finished, replayed again with
   * --force).
   */
  static Attempt attempt(boolean cutOffBefore, boolean replayedBefore) {
    return cutOffBefore || replayedBefore ? Attempt.REPLAY : Attempt.FIRST;
  }

  static Optional<ReplayStart> find(Path directory) {
    Path file = directory.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonFiles.JSON.readValue(file.toFile(), ReplayStart.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void write(Path directory) {
    try {
      JsonFiles.replace(directory.resolve(FILE), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the replay's start in " + directory, e);
    }
  }

  static void finished(Path directory) {
    try {
      Files.deleteIfExists(directory.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory.resolve(FILE), e);
    }
  }
}
