package dev.sluice.core.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sluice.core.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code es.update.script.params} in elasticsearch-hadoop's syntax: comma-separated {@code
 * name:value} pairs, where the value is a column ({@code total}, {@code customer.id}) or a constant
 * in angle brackets ({@code <5>}, {@code <eur>}). Constants are auto-quoted as elasticsearch-hadoop
 * does: {@code null}, {@code true}, {@code false} and whole numbers stay as they are, text already
 * in double quotes is taken as a JSON string, anything else becomes a JSON string.
 */
public final class ScriptParams {
  private static final String OPTION = ConfigKeys.UPDATE_SCRIPT_PARAMS.name();

  /**
   * One param.
   *
   * @param column the column (dotted for nested fields), or null for a constant
   * @param constantJson the constant as JSON, or null for a column
   */
  public record Param(String name, String column, String constantJson) {}

  private ScriptParams() {}

  /**
   * @throws ConfigException naming the option and the pair at fault
   */
  public static List<Param> parse(String text) {
    List<Param> params = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String pair : text.split(",")) {
      String trimmed = pair.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0 || colon == trimmed.length() - 1) {
        throw bad("'" + trimmed + "' is not name:column or name:<constant>");
      }
      String name = trimmed.substring(0, colon).trim();
      String value = trimmed.substring(colon + 1).trim();
      if (!names.add(name)) {
        throw bad("param '" + name + "' is given twice");
      }
      if (value.startsWith("<") && value.endsWith(">")) {
        params.add(new Param(name, null, constant(value.substring(1, value.length() - 1))));
      } else if (value.contains(":") || value.contains("<") || value.contains(">")) {
        throw bad("'" + trimmed + "' is not name:column or name:<constant>");
      } else {
        params.add(new Param(name, value, null));
      }
    }
    if (params.isEmpty()) {
      throw bad("no params given");
    }
    return List.copyOf(params);
  }

  static String constant(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value;
    }
    if (value.equals("null") || value.equals("true") || value.equals("false")) {
      return value;
    }
    String digits = value.startsWith("-") ? value.substring(1) : value;
    if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value;
    }
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
  }

  private static ConfigException bad(String why) {
    return new ConfigException(OPTION, OPTION + ": " + why);
  }
}
