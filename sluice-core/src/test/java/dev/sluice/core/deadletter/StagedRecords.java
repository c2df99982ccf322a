package dev.sluice.core.deadletter;

import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Writes dead letters the way a task attempt's loader does, for the staging tests. */
public final class StagedRecords {
  private StagedRecords() {}

  public static DeadLetterRecord record(String writerId, long row) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new DeadLetterRecord(
        DeadLetterRecord.FORMAT_VERSION,
        "idx",
        "k-" + row,
        "index",
        400,
        "mapper_parsing_exception",
        "bad",
        1,
        t,
        t,
        "partition 0 row " + row,
        writerId,
        "{\"row\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** As an attempt's loader: through the attempt's storage, into the configured directory. */
  public static void write(DeadLetterStaging staging, String writerId, long... rows)
      throws IOException {
    write(staging.attemptStorage(), staging.directory(), writerId, rows);
  }

  public static void write(Storage storage, String directory, String writerId, long... rows)
      throws IOException {
    try (NdjsonDeadLetterStore store = new NdjsonDeadLetterStore(storage, directory, writerId, 2)) {
      for (long row : rows) {
        store.write(record(writerId, row));
      }
    }
  }

  /** The rows of the records in the store, sorted: what a reader of the store sees. */
  public static List<Long> rowsInStore(DeadLetterStaging staging) throws IOException {
    return new DeadLetterReader(staging.storage())
        .readAll(staging.directory()).stream()
            .map(r -> Long.parseLong(r.position().substring(r.position().lastIndexOf(' ') + 1)))
            .sorted()
            .toList();
  }
}
