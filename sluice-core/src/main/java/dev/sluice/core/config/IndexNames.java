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

  /** True for an elasticsearch-hadoop pattern: a name with {@code {field}} parts. */
  public static boolean isPattern(String index) {
    return index.indexOf('{') >= 0 || index.indexOf('}') >= 0;
  }

  /**
   * A pattern's literal parts follow the rules of names (a name made from it is checked again);
   * every {@code {...}} is closed and names a field.
   */
  private static String patternProblem(String pattern) {
    StringBuilder literal = new StringBuilder();
    int at = 0;
    while (at < pattern.length()) {
      int open = pattern.indexOf('{', at);
      int close = pattern.indexOf('}', at);
      if (open < 0 && close < 0) {
        literal.append(pattern, at, pattern.length());
        break;
      }
      if (open < 0 || close < open || close == open + 1) {
        return "'{' and '}' must enclose a field name, as in logs-{service}";
      }
      int nested = pattern.indexOf('{', open + 1);
      if (nested >= 0 && nested < close) {
        return "'{' and '}' must enclose a field name, as in logs-{service}";
      }
      literal.append(pattern, at, open).append('x');
      at = close + 1;
    }
    String problem = problem(literal.toString());
    return problem == null ? null : problem + " (in the pattern's fixed parts)";
  }

  /** Why Elasticsearch (or Sluice) would refuse the name, or null when it is fine. */
  public static String problem(String index) {
    if (isPattern(index)) {
      return patternProblem(index);
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
