package dev.sluice.cli;

import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.deadletter.NdjsonDeadLetterStore;
import dev.sluice.core.storage.LocalFileStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Dead-letters the input records that did not parse, into the load's dead-letter directory, as
 * {@value #WRITER}{@code .ndjson}: error type {@value #ERROR_TYPE}, status 0 (never sent), position
 * {@code file:line}, source the raw text. A resumed load reads its input again and finds the same
 * records, so the file is replaced, never added to: each malformed record is in the store once.
 */
final class MalformedRecords {
  static final String WRITER = "input-malformed";
  static final String ERROR_TYPE = "malformed_input";
  private static final int FLUSH_EVERY = 1000;

  private MalformedRecords() {}

  /** Writes the dead letters; returns how many. */
  static long deadLetter(Dataset<Row> malformed, LoadSettings settings, Instant now) {
    Path directory = localDirectory(settings.deadLetters());
    Map<String, List<String>> byFile = new LinkedHashMap<>();
    Iterator<Row> rows = malformed.toLocalIterator();
    while (rows.hasNext()) {
      Row row = rows.next();
      byFile.computeIfAbsent(row.getString(1), f -> new ArrayList<>()).add(row.getString(0));
    }
    try {
      removeEarlier(directory);
      if (byFile.isEmpty()) {
        return 0;
      }
      Files.createDirectories(directory);
      NdjsonDeadLetterStore store =
          new NdjsonDeadLetterStore(
              new LocalFileStorage(), directory.toString(), WRITER, FLUSH_EVERY);
      long count = 0;
      try {
        for (Map.Entry<String, List<String>> file : byFile.entrySet()) {
          long[] lines = lines(file.getKey(), file.getValue());
          for (int i = 0; i < lines.length; i++) {
            String raw = file.getValue().get(i);
            store.write(record(settings, file.getKey(), lines[i], raw, now));
            count++;
          }
        }
      } finally {
        store.close();
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot dead-letter malformed records in " + directory, e);
    }
  }

  static DeadLetterRecord record(
      LoadSettings settings, String file, long line, String raw, Instant now) {
    String where = displayName(file) + (line > 0 ? ":" + line : "");
    String reason =
        settings.format().equals("csv")
            ? "the CSV record does not fit the schema (a value of the wrong type, or too many"
                + " or too few columns)"
            : "the line is not a JSON object that fits the schema";
    return new DeadLetterRecord(
        DeadLetterRecord.FORMAT_VERSION,
        settings.index(),
        null,
        "index",
        0,
        ERROR_TYPE,
        reason,
        0,
        now,
        now,
        where,
        WRITER,
        raw.getBytes(StandardCharsets.UTF_8));
  }

  private static long[] lines(String file, List<String> records) throws IOException {
    Path path = localFile(file);
    if (path == null || !Files.isRegularFile(path)) {
      return new long[records.size()];
    }
    InputStream in = Files.newInputStream(path);
    if (path.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return LineLocator.locate(reader, records);
    }
  }

  private static void removeEarlier(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().startsWith(WRITER)) {
          Files.delete(file);
        }
      }
    }
  }

  private static Path localFile(String file) {
    try {
      URI uri = URI.create(file);
      return uri.getScheme() == null || uri.getScheme().equals("file")
          ? Path.of(uri.getPath())
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String displayName(String file) {
    Path local = localFile(file);
    return local == null ? file : local.toString();
  }

  private static Path localDirectory(String location) {
    if (location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") && !location.startsWith("file:")) {
      throw new UsageException(
          "The input has malformed records and the dead-letter path "
              + location
              + " is not local: the command line writes them to a local directory only; leave"
              + " sluice.deadletter.path to its default under --out.");
    }
    return Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
  }
}
