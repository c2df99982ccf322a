package dev.sluice.spark.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON: object keys sorted, numbers written by value ({@code 1}, {@code 1.0} and {@code
 * 1e0} all as {@code 1}), so that two connectors' documents compare by what they say, not how.
 */
final class Canonical {
  static final ObjectMapper JSON = new ObjectMapper();

  private Canonical() {}

  static String json(String text) {
    try {
      return json(JSON.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  static String json(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.fields().forEachRemaining(field -> sorted.put(field.getKey(), field.getValue()));
      out.append('{');
      String separator = "";
      for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
        out.append(separator).append(JSON.getNodeFactory().textNode(field.getKey())).append(':');
        write(field.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      String separator = "";
      for (JsonNode element : node) {
        out.append(separator);
        write(element, out);
        separator = ",";
      }
      out.append(']');
    } else if (node.isNumber()) {
      BigDecimal value = node.decimalValue().stripTrailingZeros();
      out.append(value.signum() == 0 ? "0" : value.toPlainString());
    } else {
      out.append(node);
    }
  }

  /**
   * The fields of a {@code _mapping} response's {@code mappings} object, by dotted path: each
   * field's type ({@code object} for an object without one), multi-fields included.
   */
  static Map<String, String> mappingTypes(JsonNode mappings) {
    Map<String, String> types = new TreeMap<>();
    addFields("", mappings.path("properties"), types);
    return types;
  }

  private static void addFields(String prefix, JsonNode properties, Map<String, String> types) {
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix + field.getKey();
      JsonNode definition = field.getValue();
      types.put(path, definition.path("type").asText("object"));
      addFields(path + ".", definition.path("properties"), types);
      addFields(path + ".", definition.path("fields"), types);
    }
  }
}
