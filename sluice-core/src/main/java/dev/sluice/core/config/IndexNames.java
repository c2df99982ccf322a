package dev.sluice.core.config;

import dev.sluice.core.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Elasticsearch's rules for index, alias and data stream names, checked before the first bulk
 * request: a name it refuses would otherwise dead-letter every document one by one.
 */
public final class IndexNames {
  /** Elasticsearch refuses longer names (bytes of UTF-8). */
  public static final int MAX_BYTES = 255;

  private static final String FORBIDDEN = "\\/*?\"<>| ,#:";

  private IndexNames() {}

  /**
   * @throws ConfigException naming the option and the index when Elasticsearch would refuse it, or
   *     when it is a pattern Sluice does not implement
   */
  public static void check(ConfigKey<String> option, String index) {
    String problem = problem(index);
    if (problem != null) {
      throw new ConfigException(
          option.name(),
          "Invalid index '" + index + "' in option " + option.name() + ": " + problem);
    }
  }

  /** Why Elasticsearch (or Sluice) would refuse the name, or null when it is fine. */
  static String problem(String index) {
    if (index.contains("{")) {
      return "{field} patterns (an index per document) are not implemented; give one index name";
    }
    if (index.equals(".") || index.equals("..")) {
      return "'.' and '..' are not index names";
    }
    if (!index.equals(index.toLowerCase(Locale.ROOT))) {
      return "Elasticsearch index names must be lower case";
    }
    char first = index.charAt(0);
    if (first == '_' || first == '-' || first == '+') {
      return "an index name must not start with '" + first + "'";
    }
    for (char c : index.toCharArray()) {
      if (FORBIDDEN.indexOf(c) >= 0) {
        return c == '/'
            ? "'/' is not allowed (index/type: mapping types no longer exist; give the index only)"
            : "'" + c + "' is not allowed in an index name (nor any of " + FORBIDDEN + ")";
      }
    }
    int bytes = index.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return "the name is " + bytes + " bytes; Elasticsearch allows at most " + MAX_BYTES;
    }
    return null;
  }
}
