package dev.sluice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The input's format: as {@code --format} says, else guessed from the file names. */
final class InputFormat {
  static final List<String> FORMATS = List.of("json", "csv", "parquet", "orc");

  private InputFormat() {}

  /**
   * The format of {@code inputs}.
   *
   * @param given {@code --format}, or null
   * @throws UsageException when given a format Sluice does not read, or when none is given and the
   *     names do not tell
   */
  static String of(String given, List<String> inputs) {
    if (given != null) {
      String format = given.toLowerCase(Locale.ROOT);
      if (!FORMATS.contains(format)) {
        throw new UsageException(
            "--format must be json, csv, parquet or orc, not '" + given + "'.");
      }
      return format;
    }
    String guessed = null;
    for (String input : inputs) {
      String here = fromName(sampleName(input)).orElse(null);
      if (here == null || (guessed != null && !guessed.equals(here))) {
        throw new UsageException(
            "Cannot tell the format of "
                + input
                + " from its name: give --format json, csv, parquet or orc.");
      }
      guessed = here;
    }
    return guessed;
  }

  /** json for .json/.jsonl/.ndjson, csv, parquet, orc; a compression suffix is looked through. */
  static Optional<String> fromName(String name) {
    String n =
        name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|snappy|zst|lz4|deflate)$", "");
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of("json");
    }
    for (String format : List.of("csv", "parquet", "orc")) {
      if (n.endsWith("." + format)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** A directory is named by its first data file (Spark's outputs hold part-*.parquet files). */
  private static String sampleName(String input) {
    Path path = Path.of(input);
    if (!Files.isDirectory(path)) {
      return input;
    }
    try (Stream<Path> files = Files.list(path)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(".") && !n.startsWith("_"))
          .sorted()
          .findFirst()
          .orElse(input);
    } catch (IOException e) {
      return input;
    }
  }
}
