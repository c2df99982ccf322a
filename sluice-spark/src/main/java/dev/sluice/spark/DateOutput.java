package dev.sluice.spark;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the values of one timestamp or date column are written: ISO-8601, epoch milliseconds, epoch
 * seconds, or text in a date pattern. Decided on the driver ({@link DateFormats}); the writers are
 * built where the rows are, since a {@link DateTimeFormatter} does not travel.
 *
 * <p>A timestamp is an instant: epoch values count from it, patterns print it in UTC (where
 * Elasticsearch reads a pattern without zone). A date becomes epoch milliseconds as
 * elasticsearch-hadoop makes it, through {@code java.sql.Date#getTime}: midnight in the JVM's time
 * zone ({@code zone}, the driver's); patterns and ISO print the date itself.
 *
 * @param pattern the {@link DateTimeFormatter} pattern for {@link Kind#PATTERN}, else null
 */
record DateOutput(Kind kind, String pattern) implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Kind {
    ISO,
    EPOCH_MILLIS,
    EPOCH_SECOND,
    PATTERN
  }

  static final DateOutput ISO = new DateOutput(Kind.ISO, null);
  static final DateOutput EPOCH_MILLIS = new DateOutput(Kind.EPOCH_MILLIS, null);
  static final DateOutput EPOCH_SECOND = new DateOutput(Kind.EPOCH_SECOND, null);

  /**
   * @throws IllegalArgumentException when {@code pattern} is not a pattern that can print both an
   *     instant and a date
   */
  static DateOutput pattern(String pattern) {
    DateTimeFormatter formatter = formatter(pattern);
    formatter.format(Instant.EPOCH);
    formatter.format(LocalDate.EPOCH.atStartOfDay(ZoneOffset.UTC));
    return new DateOutput(Kind.PATTERN, pattern);
  }

  /** Writes one value: microseconds since the epoch for timestamps, days for dates. */
  @FunctionalInterface
  interface Writer {
    void write(JsonBuffer out, long value);
  }

  Writer timestamps() {
    return switch (kind) {
      case ISO -> IsoText::writeInstant;
      case EPOCH_MILLIS -> (out, micros) -> out.writeNumber(Math.floorDiv(micros, 1_000L));
      case EPOCH_SECOND -> (out, micros) -> out.writeNumber(Math.floorDiv(micros, 1_000_000L));
      case PATTERN -> {
        DateTimeFormatter formatter = formatter(pattern);
        yield (out, micros) -> out.writeString(formatter.format(instantOfMicros(micros)));
      }
    };
  }

  Writer dates(ZoneId zone) {
    return switch (kind) {
      case ISO -> IsoText::writeDate;
      case EPOCH_MILLIS -> (out, days) -> out.writeNumber(millisOfDate(days, zone));
      case EPOCH_SECOND ->
          (out, days) -> out.writeNumber(Math.floorDiv(millisOfDate(days, zone), 1_000L));
      case PATTERN -> {
        DateTimeFormatter formatter = formatter(pattern);
        yield (out, days) ->
            out.writeString(
                formatter.format(LocalDate.ofEpochDay(days).atStartOfDay(ZoneOffset.UTC)));
      }
    };
  }

  /** For the job's checkpoint and messages: {@code iso}, {@code epoch_millis}, a pattern. */
  String describe() {
    return kind == Kind.PATTERN ? "pattern " + pattern : kind.name().toLowerCase(Locale.ROOT);
  }

  static Instant instantOfMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static long millisOfDate(long days, ZoneId zone) {
    return LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static DateTimeFormatter formatter(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
  }
}
