package dev.sluice.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/** Typed, validating parsers for option values. Each throws with a message saying what is valid. */
final class ValueParsers {
  private ValueParsers() {}

  static Function<String, String> text() {
    return s -> {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("must not be empty");
      }
      return s;
    };
  }

  /**
   * A path prefix as elasticsearch-hadoop reads it (a leading slash added), with trailing slashes
   * dropped so that {@code /es/} gives {@code /es/_bulk}, not {@code /es//_bulk}; "" = none.
   */
  static Function<String, String> pathPrefix() {
    return s -> {
      String path = s.strip();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.isEmpty()) {
        return "";
      }
      if (path.contains("?") || path.contains("#") || path.contains(" ")) {
        throw new IllegalArgumentException("must be a URL path such as /es (no query, no spaces)");
      }
      return path.startsWith("/") ? path : "/" + path;
    };
  }

  static Function<String, Secret> secret() {
    return s -> Secret.of(text().apply(s));
  }

  static Function<String, Integer> integer(int min, int max) {
    return s -> {
      int value;
      try {
        value = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number", e);
      }
      return checkRange(value, min, max);
    };
  }

  static Function<String, Long> longValue(long min, long max) {
    return s -> {
      long value;
      try {
        value = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number", e);
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be between " + min + " and " + max);
      }
      return value;
    };
  }

  static Function<String, Double> ratio() {
    return s -> {
      double value;
      try {
        value = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number between 0 and 1", e);
      }
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException("must be between 0 and 1");
      }
      return value;
    };
  }

  static Function<String, Long> size(long min, long max) {
    return s -> {
      long value = Units.parseSize(s);
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be between " + min + " and " + max + " bytes");
      }
      return value;
    };
  }

  static Function<String, Duration> duration(Duration min, Duration max) {
    return s -> {
      Duration value = Units.parseDuration(s);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException("must be between " + min + " and " + max);
      }
      return value;
    };
  }

  /** es-hadoop accepts yes/no as well as true/false. */
  /** One of {@code allowed}, ignoring case; returned in lower case. */
  static Function<String, String> oneOf(String... allowed) {
    return s -> {
      String value = s.toLowerCase(Locale.ROOT);
      for (String a : allowed) {
        if (a.equals(value)) {
          return value;
        }
      }
      throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
    };
  }

  static Function<String, Boolean> bool() {
    return s ->
        switch (s.toLowerCase(Locale.ROOT)) {
          case "true", "yes" -> true;
          case "false", "no" -> false;
          default -> throw new IllegalArgumentException("expected true or false");
        };
  }

  static <E extends Enum<E>> Function<String, E> enumOf(Class<E> type) {
    return s -> {
      try {
        return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
          allowed.append(allowed.length() == 0 ? "" : "|");
          allowed.append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("expected one of " + allowed, e);
      }
    };
  }

  private static int checkRange(int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("must be between " + min + " and " + max);
    }
    return value;
  }
}
