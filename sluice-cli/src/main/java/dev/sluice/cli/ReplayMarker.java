package dev.sluice.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Written into a dead-letter set once it was replayed ({@value #FILE}): the set stays, and a second
 * replay sends nothing unless forced.
 *
 * @param into the dead-letter set of the records that failed again
 */
record ReplayMarker(String replayedAt, String into, long sent, long indexed, long deadLettered) {
  static final String FILE = "_replayed.json";

  static ReplayMarker read(Path directory) {
    try {
      return JsonFiles.JSON.readValue(directory.resolve(FILE).toFile(), ReplayMarker.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory.resolve(FILE), e);
    }
  }

  void write(Path directory) {
    try {
      JsonFiles.replace(directory.resolve(FILE), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + directory + " replayed", e);
    }
  }

  String summary() {
    return String.format(
        "%s: %,d sent, %,d indexed, %,d dead-lettered again (in %s)",
        replayedAt, sent, indexed, deadLettered, into);
  }
}
