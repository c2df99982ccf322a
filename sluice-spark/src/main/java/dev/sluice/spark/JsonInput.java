package dev.sluice.spark;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ConfigKeys;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Rows that are JSON documents ({@code es.input.json=true}): the DataFrame's one string or binary
 * column holds each document, which is sent as is once it is known to be one JSON object. As
 * elasticsearch-hadoop does, the id, composite id and routing fields are read from the document
 * (dotted paths reach nested objects). A row that is not one JSON object, or lacks its id, is
 * dead-lettered with the reason; the load goes on.
 */
final class JsonInput implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String column;
  private final boolean binary;
  private final List<String> idFields;
  private final String routingField;

  private JsonInput(String column, boolean binary, List<String> idFields, String routingField) {
    this.column = column;
    this.binary = binary;
    this.idFields = List.copyOf(idFields);
    this.routingField = routingField;
  }

  /**
   * @throws ConfigException naming {@code es.input.json} unless the schema is one string or binary
   *     column
   */
  static JsonInput of(StructType schema, List<String> idFields, String routingField) {
    String option = ConfigKeys.INPUT_JSON.name();
    DataType type = schema.size() == 1 ? schema.fields()[0].dataType() : null;
    if (!(type instanceof StringType || type instanceof BinaryType)) {
      throw new ConfigException(
          option,
          option
              + "=true needs a DataFrame of one string (or binary) column holding a JSON document"
              + " per row, not "
              + schema.simpleString()
              + "; select that column, or turn "
              + option
              + " off to write the columns as fields");
    }
    return new JsonInput(
        schema.fields()[0].name(), type instanceof BinaryType, idFields, routingField);
  }

  /** The row's bytes as given, for the dead-letter store; empty when the column is null. */
  byte[] raw(InternalRow row) {
    if (row.isNullAt(0)) {
      return new byte[0];
    }
    return binary ? row.getBinary(0) : row.getUTF8String(0).getBytes();
  }

  /**
   * @throws RowConversionException naming the column when the row holds no JSON object
   */
  RowDocument read(InternalRow row) {
    if (row.isNullAt(0)) {
      throw new RowConversionException(column, "the row holds no JSON document (null)");
    }
    byte[] bytes = raw(row);
    JsonNode tree;
    try {
      tree = JSON.readTree(bytes);
    } catch (JsonParseException e) {
      throw new RowConversionException(
          column, "not valid JSON: " + e.getOriginalMessage() + " at " + e.getLocation());
    } catch (IOException e) {
      throw new RowConversionException(column, "not valid JSON: " + e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      String kind = tree == null || tree.isMissingNode() ? "empty" : kind(tree);
      throw new RowConversionException(column, "not one JSON object but " + kind);
    }
    return new Parsed(tree, bytes);
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private final class Parsed implements RowDocument {
    private final JsonNode tree;
    private final byte[] bytes;

    Parsed(JsonNode tree, byte[] bytes) {
      this.tree = tree;
      this.bytes = bytes;
    }

    @Override
    public List<String> idValues() {
      List<String> values = new ArrayList<>(idFields.size());
      for (String field : idFields) {
        String value = textAt(field);
        if (value == null) {
          throw new RowConversionException(field, "the document id is null or missing");
        }
        values.add(value);
      }
      return values;
    }

    @Override
    public String routing() {
      return routingField == null ? null : textAt(routingField);
    }

    @Override
    public byte[] source() {
      return bytes;
    }

    /** A string's text, another scalar's JSON text, null when missing or null. */
    private String textAt(String path) {
      JsonNode node = tree;
      for (String part : path.split("\\.", -1)) {
        node = node.path(part);
      }
      if (node.isMissingNode() || node.isNull()) {
        return null;
      }
      if (node.isContainerNode()) {
        throw new RowConversionException(path, "must hold a single value, not an " + kind(node));
      }
      return node.isTextual() ? node.asText() : node.toString();
    }
  }
}
