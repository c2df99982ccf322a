package dev.sluice.core.checkpoint;

import dev.sluice.core.SluiceException;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of one partition that earlier runs of a checkpointed job already dead-lettered, read
 * from the dead-letter store itself, by source position and id.
 *
 * <p>Why the store and not the progress file: with several requests in flight, a row can be
 * dead-lettered beyond a gap in the settled prefix, and a crash can come between a dead-letter
 * flush and the next progress write. In both cases the progress file does not cover the row, so a
 * resumed run would send it and dead-letter it a second time. A writer that skips the rows found
 * here instead (as settled) keeps every dead letter in the store exactly once.
 */
public final class PriorDeadLetters {
  private static final PriorDeadLetters NONE = new PriorDeadLetters(Map.of());

  private final Map<String, String> idByPosition;

  private PriorDeadLetters(Map<String, String> idByPosition) {
    this.idByPosition = idByPosition;
  }

  public static PriorDeadLetters none() {
    return NONE;
  }

  /**
   * Reads the dead-letter files in {@code directory} whose names start with {@code filePrefix}
   * ({@link CheckpointStore#writerIdPrefix}); an incomplete last record of a file is ignored.
   */
  public static PriorDeadLetters read(Storage storage, String directory, String filePrefix) {
    Map<String, String> found = new HashMap<>();
    DeadLetterReader reader = new DeadLetterReader(storage);
    try {
      for (String file : storage.list(directory)) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.startsWith(filePrefix) && name.endsWith(".ndjson")) {
          reader.forEach(file, r -> found.put(r.position(), r.id()));
        }
      }
    } catch (IOException e) {
      throw new SluiceException(
          "Cannot read the dead letters of earlier runs in "
              + directory
              + " (needed so that a resumed load does not dead-letter a row twice): "
              + e.getMessage(),
          e);
    }
    return found.isEmpty() ? NONE : new PriorDeadLetters(found);
  }

  /** True when the row at {@code position}, with this id, was dead-lettered by an earlier run. */
  public boolean contains(String position, String id) {
    return idByPosition.containsKey(position) && Objects.equals(idByPosition.get(position), id);
  }

  public int size() {
    return idByPosition.size();
  }
}
