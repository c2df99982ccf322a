package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.IndexNames;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * {@code es.resource(.write)} with elasticsearch-hadoop's patterns: {@code logs-{service}} takes a
 * column's value (dotted for nested fields), {@code logs-{@timestamp|yyyy.MM.dd}} formats a date,
 * timestamp or ISO-8601 string column with a date pattern (timestamps in UTC; a string keeps its
 * own offset, as elasticsearch-hadoop does); a date without format gives its own text, {@code
 * 2026-01-05}, as there. Resolved once on the driver, per row on executors.
 */
final class IndexPattern implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DATE_TEXT = "yyyy-MM-dd";

  /** A fixed text, or a column with an optional date format. */
  private record Part(String text, FieldPath field, String format) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final String pattern;
  private final List<Part> parts;
  private transient DateTimeFormatter[] formatters;

  private IndexPattern(String pattern, List<Part> parts) {
    this.pattern = pattern;
    this.parts = parts;
  }

  /** The pattern resolved against the schema; throws naming the option, the field or format. */
  static IndexPattern resolve(String pattern, StructType schema, String option) {
    List<Part> parts = new ArrayList<>();
    int at = 0;
    while (at < pattern.length()) {
      int open = pattern.indexOf('{', at);
      if (open < 0) {
        parts.add(new Part(pattern.substring(at), null, null));
        break;
      }
      if (open > at) {
        parts.add(new Part(pattern.substring(at, open), null, null));
      }
      int close = pattern.indexOf('}', open);
      String inside = pattern.substring(open + 1, close).trim();
      int bar = inside.indexOf('|');
      String column = bar < 0 ? inside : inside.substring(0, bar).trim();
      String format = bar < 0 ? null : inside.substring(bar + 1).trim();
      FieldPath field = FieldPath.resolve(schema, column, option);
      if (format == null && field.type() instanceof DateType) {
        // elasticsearch-hadoop names the index with the date's text (java.sql.Date#toString)
        format = DATE_TEXT;
      }
      check(pattern, option, field, format);
      parts.add(new Part(null, field, format));
      at = close + 1;
    }
    return new IndexPattern(pattern, List.copyOf(parts));
  }

  private static void check(String pattern, String option, FieldPath field, String format) {
    DataType type = field.type();
    boolean dated =
        type instanceof DateType
            || type instanceof TimestampType
            || type instanceof TimestampNTZType;
    String where = option + "=" + pattern + ": {" + field.name() + "} ";
    if (format == null && dated) {
      throw new ConfigException(
          option,
          where
              + "is a "
              + type.simpleString()
              + ": give a date format, as in {name|yyyy.MM.dd} (its text alone, with spaces and"
              + " colons, is no index name)");
    }
    if (format != null && !dated && !(type instanceof StringType)) {
      throw new ConfigException(
          option,
          where + "is a " + type.simpleString() + "; a format needs a date, timestamp or string");
    }
    if (format != null) {
      try {
        DateTimeFormatter.ofPattern(format, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            option, where + "has an invalid date format '" + format + "': " + e.getMessage(), e);
      }
    }
  }

  /**
   * The index of this row.
   *
   * @throws RowConversionException naming the field when it is null, not a date, or makes a name
   *     Elasticsearch refuses
   */
  String indexOf(InternalRow row) {
    if (formatters == null) {
      formatters = new DateTimeFormatter[parts.size()];
    }
    StringBuilder index = new StringBuilder();
    String lastField = null;
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part.text() != null) {
        index.append(part.text());
        continue;
      }
      lastField = part.field().name();
      index.append(part.format() == null ? text(part.field(), row) : formatted(i, part, row));
    }
    String name = index.toString();
    String problem = IndexNames.problem(name);
    if (problem != null) {
      throw new RowConversionException(
          lastField, "makes index '" + name + "' of " + pattern + ", refused: " + problem);
    }
    return name;
  }

  private static String text(FieldPath field, InternalRow row) {
    String value = field.textOf(row);
    if (value == null) {
      throw new RowConversionException(field.name(), "is null, and names the index");
    }
    return value;
  }

  private String formatted(int i, Part part, InternalRow row) {
    Object value = part.field().valueOf(row);
    if (value == null) {
      throw new RowConversionException(part.field().name(), "is null, and names the index");
    }
    if (formatters[i] == null) {
      formatters[i] = DateTimeFormatter.ofPattern(part.format(), Locale.ROOT);
    }
    try {
      return formatters[i].format(temporal(part.field(), value));
    } catch (DateTimeException e) {
      throw new RowConversionException(
          part.field().name(), "cannot be formatted as " + part.format() + ": " + e.getMessage());
    }
  }

  private static TemporalAccessor temporal(FieldPath field, Object value) {
    DataType type = field.type();
    if (type instanceof DateType) {
      return LocalDate.ofEpochDay((Integer) value);
    }
    if (type instanceof TimestampType) {
      return Instant.EPOCH.plus((Long) value, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
    if (type instanceof TimestampNTZType) {
      return LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC)
          .plus((Long) value, ChronoUnit.MICROS);
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeException notOffset) {
      try {
        return LocalDateTime.parse(text);
      } catch (DateTimeException notLocal) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeException notDate) {
          throw new RowConversionException(
              field.name(), "'" + text + "' is not an ISO-8601 date or timestamp");
        }
      }
    }
  }
}
