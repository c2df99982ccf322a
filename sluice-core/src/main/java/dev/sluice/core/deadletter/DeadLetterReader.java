package dev.sluice.core.deadletter;

import dev.sluice.core.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads dead letters back, from one file or from every {@code .ndjson} file of a directory. */
public final class DeadLetterReader {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReader.class);
  private static final String NDJSON = ".ndjson";
  private final Storage storage;

  public DeadLetterReader(Storage storage) {
    this.storage = storage;
  }

  /**
   * Streams every record to {@code sink}, in file then line order. A file's last line that is not a
   * whole record is what a crash leaves in the middle of a write: it is skipped with a warning (the
   * record was never settled, so the load that resumes writes it again). Any other bad line is an
   * error naming the file and line.
   */
  public void forEach(String location, Consumer<DeadLetterRecord> sink) throws IOException {
    for (String file : files(location)) {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(storage.open(file), StandardCharsets.UTF_8))) {
        int lineNumber = 0;
        String next = in.readLine();
        while (next != null) {
          String line = next;
          next = in.readLine();
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          DeadLetterRecord record;
          try {
            record = DeadLetterCodec.readLine(line);
          } catch (IOException e) {
            if (next == null) {
              LOG.warn(
                  "{} line {}: skipping an incomplete last record, left by an interrupted write"
                      + " ({})",
                  file,
                  lineNumber,
                  e.getMessage());
              break;
            }
            throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
          }
          sink.accept(record);
        }
      }
    }
  }

  public List<DeadLetterRecord> readAll(String location) throws IOException {
    List<DeadLetterRecord> records = new ArrayList<>();
    forEach(location, records::add);
    return records;
  }

  /**
   * The {@code .ndjson} files directly in a directory, or the file itself. Subdirectories, where
   * attempts stage records that are not the store's yet, are not read.
   */
  private List<String> files(String location) throws IOException {
    List<String> inDirectory = storage.list(location);
    if (inDirectory.isEmpty()) {
      return location.endsWith(NDJSON) && storage.exists(location) ? List.of(location) : List.of();
    }
    return inDirectory.stream().filter(f -> f.endsWith(NDJSON)).toList();
  }
}
