package dev.sluice.core.report;

/** Escapes text for the two places a report page puts it: HTML and a JSON block in a script. */
final class Html {
  private Html() {}

  /** Text for an HTML element's content or a quoted attribute value. */
  static String text(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON that is safe inside {@code <script type="application/json">}: the characters that could
   * end the element or start markup, and the two line separators older JavaScript rejects, become
   * {@code \\uXXXX} escapes. They only occur inside JSON strings, where the escape means the same
   * character, so {@code JSON.parse} reads the same value.
   */
  static String scriptJson(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
