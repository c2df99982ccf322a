package dev.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Written into a dead-letter set once it was replayed ({@value #FILE}): the set stays, and a second
 * replay sends nothing unless forced.
 *
 * @param into the dead-letter set of the records that failed again
 */
record ReplayMarker(String replayedAt, String into, long sent, long indexed, long deadLettered) {
  static final String FILE = "_replayed.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static ReplayMarker read(Path directory) {
    try {
      return JSON.readValue(directory.resolve(FILE).toFile(), ReplayMarker.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory.resolve(FILE), e);
    }
  }

  void write(Path directory) {
    try {
      Path temp = directory.resolve("." + FILE + ".tmp");
      Files.write(temp, JSON.writeValueAsBytes(this));
      Files.move(
          temp,
          directory.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
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
