package dev.sluice.cli;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Counts of a dead-letter set by index and by reason (the error type, {@code malformed_input} for
 * records that never parsed), and the first records as samples.
 */
final class DeadLetterStats {
  private final Map<String, Long> byIndex = new TreeMap<>();
  private final Map<String, Long> byReason = new TreeMap<>();
  private final List<DeadLetterRecord> samples = new ArrayList<>();
  private final int sampleLimit;
  private final Predicate<DeadLetterRecord> filter;
  private long total;
  private long olderFormat;

  DeadLetterStats(int sampleLimit, Predicate<DeadLetterRecord> filter) {
    this.sampleLimit = sampleLimit;
    this.filter = filter;
  }

  /** The published records of {@code directory} (or one file); none when it does not exist. */
  static DeadLetterStats of(Path directory, int sampleLimit, Predicate<DeadLetterRecord> filter) {
    DeadLetterStats stats = new DeadLetterStats(sampleLimit, filter);
    stats.read(directory);
    return stats;
  }

  /** What is staged under {@code directory}: dead letters of runs that did not finish. */
  static DeadLetterStats staged(Path directory) {
    DeadLetterStats stats = new DeadLetterStats(0, r -> true);
    Path staging = directory.resolve("_staging");
    if (Files.isDirectory(staging)) {
      try (Stream<Path> dirs = Files.walk(staging)) {
        dirs.filter(Files::isDirectory).forEach(stats::read);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + staging, e);
      }
    }
    return stats;
  }

  private void read(Path location) {
    if (!Files.exists(location)) {
      return;
    }
    try {
      new DeadLetterReader(new LocalFileStorage()).forEach(location.toString(), this::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dead letters in " + location, e);
    }
  }

  void add(DeadLetterRecord record) {
    if (!filter.test(record)) {
      return;
    }
    total++;
    if (!record.keepsWholeAction()) {
      olderFormat++;
    }
    byIndex.merge(String.valueOf(record.index()), 1L, Long::sum);
    byReason.merge(reason(record), 1L, Long::sum);
    if (samples.size() < sampleLimit) {
      samples.add(record);
    }
  }

  static String reason(DeadLetterRecord record) {
    return record.errorType() == null ? "unknown" : record.errorType();
  }

  long total() {
    return total;
  }

  /** Records of format 1, which kept no routing, version or script params. */
  long olderFormat() {
    return olderFormat;
  }

  Map<String, Long> byIndex() {
    return byIndex;
  }

  Map<String, Long> byReason() {
    return byReason;
  }

  List<DeadLetterRecord> samples() {
    return samples;
  }

  /** "mapper_parsing_exception 2, malformed_input 1" (most first). */
  static String counts(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .map(e -> e.getKey() + " " + e.getValue())
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }
}
