package dev.sluice.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes ("5mb", "512kb", "1024") and durations ("10s", "500ms", "2m"). */
public final class Units {
  private static final Pattern NUMBER_AND_UNIT =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z]*)\\s*");

  private Units() {}

  /** Bytes from "123", "123b", "512kb", "5mb", "1gb" (binary multiples, as es-hadoop). */
  public static long parseSize(String text) {
    Matcher m = match(text, "a size such as 5mb, 512kb or 1048576");
    double number = Double.parseDouble(m.group(1));
    long multiplier =
        switch (m.group(2)) {
          case "", "b" -> 1L;
          case "k", "kb" -> 1L << 10;
          case "m", "mb" -> 1L << 20;
          case "g", "gb" -> 1L << 30;
          default -> throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "'");
        };
    return (long) (number * multiplier);
  }

  /** A duration from "500ms", "10s", "2m", "1h", "1d"; a bare number means milliseconds. */
  public static Duration parseDuration(String text) {
    Matcher m = match(text, "a duration such as 500ms, 10s or 2m");
    double number = Double.parseDouble(m.group(1));
    double millis =
        switch (m.group(2)) {
          case "", "ms" -> number;
          case "s" -> number * 1_000;
          case "m" -> number * 60_000;
          case "h" -> number * 3_600_000;
          case "d" -> number * 86_400_000;
          default ->
              throw new IllegalArgumentException("unknown duration unit '" + m.group(2) + "'");
        };
    return Duration.ofMillis((long) millis);
  }

  private static Matcher match(String text, String expected) {
    Matcher m = NUMBER_AND_UNIT.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + expected);
    }
    return m;
  }
}
