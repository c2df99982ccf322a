package dev.sluice.core.id;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks shared by the strategies. */
final class Ids {
  private Ids() {}

  static void checkArity(List<String> fields, List<String> values) {
    if (values.size() != fields.size()) {
      throw new IllegalArgumentException(
          "expected " + fields.size() + " values for " + fields + ", got " + values.size());
    }
  }

  static String requirePresent(String field, String value) {
    if (value == null) {
      throw new InvalidIdException(field, "the id field '" + field + "' is null");
    }
    return value;
  }

  static String checkLength(String fieldNames, String id) {
    if (id.isEmpty()) {
      throw new InvalidIdException(fieldNames, "the id from '" + fieldNames + "' is empty");
    }
    // A char is at most three bytes of UTF-8: most ids are short enough not to need encoding.
    if (id.length() * 3 <= IdStrategy.MAX_ID_BYTES) {
      return id;
    }
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > IdStrategy.MAX_ID_BYTES) {
      throw new InvalidIdException(
          fieldNames,
          "the id from '"
              + fieldNames
              + "' is "
              + bytes
              + " bytes; Elasticsearch allows at most "
              + IdStrategy.MAX_ID_BYTES);
    }
    return id;
  }

  static List<String> checkFieldNames(List<String> fields, int minimum) {
    List<String> copy = List.copyOf(fields);
    if (copy.size() < minimum) {
      throw new IllegalArgumentException("need at least " + minimum + " id fields, got " + copy);
    }
    for (String f : copy) {
      if (f.isBlank()) {
        throw new IllegalArgumentException("blank id field name in " + copy);
      }
    }
    if (copy.stream().distinct().count() != copy.size()) {
      throw new IllegalArgumentException("repeated id field in " + copy);
    }
    return copy;
  }
}
