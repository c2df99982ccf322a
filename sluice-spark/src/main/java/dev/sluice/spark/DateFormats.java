package dev.sluice.spark;

import java.util.Map;
import java.util.Set;

/**
 * What a timestamp or date column must become to fit the field the target index already maps: a
 * number field gets epoch milliseconds (what elasticsearch-hadoop writes, so an index it created
 * takes appended rows), a text field ISO-8601, a {@code date} or {@code date_nanos} field the first
 * of its formats ({@code a||b}) that Sluice can print. A pure function of the mapping, decided on
 * the driver before any task.
 */
final class DateFormats {
  private static final Set<String> NUMBERS =
      Set.of(
          "long",
          "integer",
          "short",
          "byte",
          "double",
          "float",
          "half_float",
          "scaled_float",
          "unsigned_long");
  private static final Set<String> TEXT =
      Set.of("keyword", "constant_keyword", "wildcard", "text", "match_only_text");
  private static final Set<String> ISO_FORMATS =
      Set.of(
          "strict_date_optional_time",
          "date_optional_time",
          "strict_date_optional_time_nanos",
          "iso8601");

  /** Elasticsearch's named formats that are one pattern, by name without {@code strict_}. */
  private static final Map<String, String> NAMED_PATTERNS =
      Map.ofEntries(
          Map.entry("basic_date", "yyyyMMdd"),
          Map.entry("basic_date_time", "yyyyMMdd'T'HHmmss.SSS'Z'"),
          Map.entry("basic_date_time_no_millis", "yyyyMMdd'T'HHmmss'Z'"),
          Map.entry("date", "yyyy-MM-dd"),
          Map.entry("year_month_day", "yyyy-MM-dd"),
          Map.entry("date_hour", "yyyy-MM-dd'T'HH"),
          Map.entry("date_hour_minute", "yyyy-MM-dd'T'HH:mm"),
          Map.entry("date_hour_minute_second", "yyyy-MM-dd'T'HH:mm:ss"),
          Map.entry("date_hour_minute_second_fraction", "yyyy-MM-dd'T'HH:mm:ss.SSS"),
          Map.entry("date_hour_minute_second_millis", "yyyy-MM-dd'T'HH:mm:ss.SSS"),
          Map.entry("date_time", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"),
          Map.entry("date_time_no_millis", "yyyy-MM-dd'T'HH:mm:ss'Z'"),
          Map.entry("year", "yyyy"),
          Map.entry("year_month", "yyyy-MM"),
          Map.entry("hour", "HH"),
          Map.entry("hour_minute", "HH:mm"),
          Map.entry("hour_minute_second", "HH:mm:ss"),
          Map.entry("hour_minute_second_fraction", "HH:mm:ss.SSS"),
          Map.entry("hour_minute_second_millis", "HH:mm:ss.SSS"),
          Map.entry("time", "HH:mm:ss.SSS'Z'"),
          Map.entry("time_no_millis", "HH:mm:ss'Z'"),
          Map.entry("t_time", "'T'HH:mm:ss.SSS'Z'"),
          Map.entry("t_time_no_millis", "'T'HH:mm:ss'Z'"),
          Map.entry("ordinal_date", "yyyy-DDD"),
          Map.entry("ordinal_date_time", "yyyy-DDD'T'HH:mm:ss.SSS'Z'"),
          Map.entry("ordinal_date_time_no_millis", "yyyy-DDD'T'HH:mm:ss'Z'"));

  /** Named formats Sluice does not print (week-based dates, the basic time forms). */
  private static final Set<String> NAMED_UNSUPPORTED =
      Set.of(
          "basic_ordinal_date",
          "basic_ordinal_date_time",
          "basic_ordinal_date_time_no_millis",
          "basic_time",
          "basic_time_no_millis",
          "basic_t_time",
          "basic_t_time_no_millis",
          "basic_week_date",
          "basic_week_date_time",
          "basic_week_date_time_no_millis",
          "week_date",
          "week_date_time",
          "week_date_time_no_millis",
          "weekyear",
          "weekyear_week",
          "weekyear_week_day");

  private DateFormats() {}

  /**
   * @param path the field, for the error
   * @param type the mapped type ({@code long}, {@code date}, …)
   * @param format the mapped format, or null for the type's default
   * @throws UnsupportedSchemaException naming the field when no value Sluice writes fits it
   */
  static DateOutput forMapped(String path, String type, String format) {
    if (NUMBERS.contains(type)) {
      return DateOutput.EPOCH_MILLIS;
    }
    if (TEXT.contains(type)) {
      return DateOutput.ISO;
    }
    if (type.equals("date") || type.equals("date_nanos")) {
      return format == null ? DateOutput.ISO : forFormat(path, format);
    }
    throw new UnsupportedSchemaException(
        "field '"
            + path
            + "' holds timestamps or dates, but the index maps it as '"
            + type
            + "', which takes neither; write it into another field or convert the column");
  }

  static DateOutput forFormat(String path, String format) {
    for (String alternative : format.split("\\|\\|")) {
      DateOutput output = printable(alternative.trim());
      if (output != null) {
        return output;
      }
    }
    throw new UnsupportedSchemaException(
        "field '"
            + path
            + "' is mapped as a date with format '"
            + format
            + "', which Sluice cannot write; add a format it can (strict_date_optional_time,"
            + " epoch_millis, epoch_second or a date pattern such as yyyy-MM-dd) to the mapping,"
            + " or write the column as a string");
  }

  /** The output for one format, or null when Sluice cannot print it. */
  private static DateOutput printable(String format) {
    String name = format.startsWith("strict_") ? format.substring("strict_".length()) : format;
    if (ISO_FORMATS.contains(format)) {
      return DateOutput.ISO;
    } else if (format.equals("epoch_millis")) {
      return DateOutput.EPOCH_MILLIS;
    } else if (format.equals("epoch_second")) {
      return DateOutput.EPOCH_SECOND;
    } else if (NAMED_PATTERNS.containsKey(name)) {
      return DateOutput.pattern(NAMED_PATTERNS.get(name));
    } else if (NAMED_UNSUPPORTED.contains(name) || format.isEmpty()) {
      return null;
    }
    try {
      return DateOutput.pattern(format);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return null;
    }
  }
}
