package dev.sluice.core.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a {@code _bulk} response into item results, in request order, in one pass; no tree, no
 * per-item lookups. Unknown fields are skipped. A plain success allocates nothing: its result
 * string and its {@link ItemResult} are shared instances.
 */
final class BulkResponseParser {
  private static final JsonFactory JSON = new JsonFactory();

  private BulkResponseParser() {}

  static List<ItemResult> parse(byte[] body, int expectedItems) throws IOException {
    List<ItemResult> plain = SuccessScanner.scan(body, expectedItems);
    return plain != null ? plain : parseJson(body, expectedItems);
  }

  /** Any response: errors, other fields, whitespace, escapes. */
  static List<ItemResult> parseJson(byte[] body, int expectedItems) throws IOException {
    List<ItemResult> items = new ArrayList<>(expectedItems);
    try (JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if ("items".equals(field)) {
          expect(p.currentToken(), JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            p.nextToken(); // the op name: index, create, update, delete
            expect(p.nextToken(), JsonToken.START_OBJECT);
            items.add(item(p));
            expect(p.nextToken(), JsonToken.END_OBJECT);
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return items;
  }

  private static ItemResult item(JsonParser p) throws IOException {
    int status = 0;
    String result = null;
    String[] error = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "status" -> status = p.getIntValue();
        case "result" -> result = result(p);
        case "error" -> {
          error = new String[4];
          error(p, value, error);
        }
        default -> p.skipChildren();
      }
    }
    if (error == null) {
      return ItemResult.withoutError(status, result);
    }
    return new ItemResult(status, result, error[0], error[1], error[2], error[3]);
  }

  /** The item's result, as the shared string when it is a known one. */
  private static String result(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      char[] text = p.getTextCharacters();
      int offset = p.getTextOffset();
      int length = p.getTextLength();
      for (String known : ItemResult.KNOWN_RESULTS) {
        if (sameText(known, text, offset, length)) {
          return known;
        }
      }
    }
    return p.getText();
  }

  private static boolean sameText(String known, char[] text, int offset, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != text[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** Fills type, reason, caused_by.type, durability. */
  private static void error(JsonParser p, JsonToken value, String[] error) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      error[0] = "error";
      error[1] = p.getText();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "type" -> error[0] = p.getText();
        case "reason" -> error[1] = p.getText();
        case "durability" -> error[3] = p.getText();
        case "caused_by" -> error[2] = causedByType(p);
        default -> p.skipChildren();
      }
    }
  }

  private static String causedByType(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String type = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if ("type".equals(field)) {
        type = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return type;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("malformed bulk response: expected " + expected + ", got " + actual);
    }
  }
}
