package dev.sluice.core.deadletter;

import dev.sluice.core.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads dead letters back, from one file or from every {@code .ndjson} file of a directory. */
public final class DeadLetterReader {
  private final Storage storage;

  public DeadLetterReader(Storage storage) {
    this.storage = storage;
  }

  /** Streams every record to {@code sink}, in file then line order. */
  public void forEach(String location, Consumer<DeadLetterRecord> sink) throws IOException {
    for (String file : files(location)) {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(storage.open(file), StandardCharsets.UTF_8))) {
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          try {
            sink.accept(DeadLetterCodec.readLine(line));
          } catch (IOException e) {
            throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
          }
        }
      }
    }
  }

  public List<DeadLetterRecord> readAll(String location) throws IOException {
    List<DeadLetterRecord> records = new ArrayList<>();
    forEach(location, records::add);
    return records;
  }

  private List<String> files(String location) throws IOException {
    List<String> inDirectory = storage.list(location);
    if (inDirectory.isEmpty()) {
      return storage.exists(location) ? List.of(location) : List.of();
    }
    return inDirectory.stream().filter(f -> f.endsWith(".ndjson")).toList();
  }
}
