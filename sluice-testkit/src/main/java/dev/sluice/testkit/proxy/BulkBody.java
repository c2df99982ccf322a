package dev.sluice.testkit.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splits a {@code _bulk} NDJSON body into items and joins items back, keeping their bytes. */
public final class BulkBody {
  private static final Set<String> ACTIONS = Set.of("index", "create", "update", "delete");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BulkBody() {}

  /**
   * @throws IllegalArgumentException naming the line if an action line is not one of the four
   *     actions or a source line is missing
   */
  public static List<BulkItem> parse(byte[] body) {
    List<byte[]> lines = nonBlankLines(body);
    List<BulkItem> items = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      byte[] actionLine = lines.get(i);
      JsonNode action = readObject(actionLine, i);
      Iterator<Map.Entry<String, JsonNode>> fields = action.fields();
      Map.Entry<String, JsonNode> only = fields.hasNext() ? fields.next() : null;
      if (only == null || fields.hasNext() || !ACTIONS.contains(only.getKey())) {
        throw new IllegalArgumentException(
            "bulk line " + (i + 1) + " is not an action line with one of " + ACTIONS);
      }
      String name = only.getKey();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      appendLine(bytes, actionLine);
      i++;
      if (!name.equals("delete")) {
        if (i >= lines.size()) {
          throw new IllegalArgumentException(
              "bulk line " + i + " (" + name + ") has no source line");
        }
        appendLine(bytes, lines.get(i));
        i++;
      }
      items.add(
          new BulkItem(
              name,
              text(only.getValue(), "_index"),
              text(only.getValue(), "_id"),
              bytes.toByteArray()));
    }
    return items;
  }

  /** The NDJSON body of these items, in order, ending in a newline as {@code _bulk} requires. */
  static byte[] join(List<BulkItem> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (BulkItem item : items) {
      out.writeBytes(item.bytes());
    }
    return out.toByteArray();
  }

  private static List<byte[]> nonBlankLines(byte[] body) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        if (!isBlank(body, start, i)) {
          byte[] line = new byte[i - start];
          System.arraycopy(body, start, line, 0, line.length);
          lines.add(line);
        }
        start = i + 1;
      }
    }
    return lines;
  }

  private static boolean isBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(body[i])) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode readObject(byte[] line, int index) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("bulk line " + (index + 1) + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("bulk line " + (index + 1) + " is not JSON", e);
    }
  }

  private static String text(JsonNode metadata, String field) {
    JsonNode value = metadata.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void appendLine(ByteArrayOutputStream out, byte[] line) {
    out.writeBytes(line);
    out.write('\n');
  }
}
