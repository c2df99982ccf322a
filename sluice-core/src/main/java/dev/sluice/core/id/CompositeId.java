package dev.sluice.core.id;

import java.util.List;

/**
 * Several fields joined by {@code |}; in each value {@code \} becomes {@code \\} and {@code |}
 * becomes {@code \|}. Unescaped, every {@code |} separates, so the encoding is reversible and two
 * different value lists never give the same id.
 */
record CompositeId(List<String> fields) implements IdStrategy {
  static final char SEPARATOR = '|';
  static final char ESCAPE = '\\';

  CompositeId {
    fields = Ids.checkFieldNames(fields, 2);
  }

  @Override
  public String idOf(List<String> values, byte[] source) {
    Ids.checkArity(fields, values);
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        id.append(SEPARATOR);
      }
      appendEscaped(id, Ids.requirePresent(fields.get(i), values.get(i)));
    }
    return Ids.checkLength(String.join(",", fields), id.toString());
  }

  @Override
  public boolean deterministic() {
    return true;
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("composite:");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(SEPARATOR);
      }
      appendEscaped(text, fields.get(i));
    }
    return text.toString();
  }

  static void appendEscaped(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == SEPARATOR || c == ESCAPE) {
        out.append(ESCAPE);
      }
      out.append(c);
    }
  }
}
