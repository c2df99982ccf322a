package dev.sluice.testkit;

import java.util.Map;

/** Renders flat settings as elasticsearch.yml: one {@code key: "value"} line per setting. */
final class SettingsRenderer {
  private SettingsRenderer() {}

  static String render(Map<String, String> settings) {
    StringBuilder yml = new StringBuilder("# Written by Sluice's LocalElasticsearch.\n");
    settings.forEach(
        (key, value) -> yml.append(key).append(": ").append(quote(value)).append('\n'));
    return yml.toString();
  }

  /** A YAML double-quoted scalar; Elasticsearch reads every setting as a string anyway. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
