package dev.sluice.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ConfigKeys;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Rows that are JSON documents ({@code es.input.json=true}): the DataFrame's one string or binary
 * column holds each document, which is sent as is once it is known to be one JSON object. As
 * elasticsearch-hadoop does, the id, composite id and routing fields are read from the document
 * (dotted paths reach nested objects), a value as it is written: a number's text, not a double's
 * (12345678901234567.89 and ...88 are two ids, 1.50 is not 1.5). A row that is not one JSON object,
 * or lacks its id, is dead-lettered with the reason; the load goes on.
 */
final class JsonInput implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();

  private final String column;
  private final boolean binary;
  private final List<String> idFields;
  private final String routingField;
  private final List<String> wanted; // the id fields, then the routing field

  private JsonInput(String column, boolean binary, List<String> idFields, String routingField) {
    this.column = column;
    this.binary = binary;
    this.idFields = List.copyOf(idFields);
    this.routingField = routingField;
    List<String> paths = new ArrayList<>(idFields);
    if (routingField != null) {
      paths.add(routingField);
    }
    this.wanted = List.copyOf(paths);
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
    try (JsonParser p = JSON.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new RowConversionException(column, "not one JSON object but " + kind(first));
      }
      Map<String, String> values = new HashMap<>();
      readObject(p, "", wanted, values);
      if (p.nextToken() != null) {
        throw new RowConversionException(
            column, "not valid JSON: more after the document at " + p.currentTokenLocation());
      }
      return new Parsed(values, bytes);
    } catch (JsonParseException e) {
      throw new RowConversionException(
          column, "not valid JSON: " + e.getOriginalMessage() + " at " + e.getLocation());
    } catch (IOException e) {
      throw new RowConversionException(column, "not valid JSON: " + e.getMessage());
    }
  }

  /**
   * Reads the object the parser is in to its end, keeping the text of each scalar whose dotted path
   * is wanted (null for JSON null; the first when a key repeats) and descending only where a wanted
   * path leads.
   *
   * @throws RowConversionException naming the path when a wanted one holds an object or array
   */
  private static void readObject(
      JsonParser p, String prefix, List<String> wanted, Map<String, String> values)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String path = prefix + p.currentName();
      JsonToken value = p.nextToken();
      if (value.isScalarValue()) {
        if (wanted.contains(path) && !values.containsKey(path)) {
          values.put(path, value == JsonToken.VALUE_NULL ? null : p.getText());
        }
      } else if (wanted.contains(path)) {
        throw new RowConversionException(path, "must hold a single value, not an " + kind(value));
      } else if (value == JsonToken.START_OBJECT && leadsTo(path, wanted)) {
        readObject(p, path + ".", wanted, values);
      } else {
        p.skipChildren();
      }
    }
  }

  private static boolean leadsTo(String path, List<String> wanted) {
    for (String w : wanted) {
      if (w.startsWith(path + ".")) {
        return true;
      }
    }
    return false;
  }

  private static String kind(JsonToken token) {
    if (token == null) {
      return "empty";
    }
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  private final class Parsed implements RowDocument {
    private final Map<String, String> values;
    private final byte[] bytes;

    Parsed(Map<String, String> values, byte[] bytes) {
      this.values = values;
      this.bytes = bytes;
    }

    @Override
    public List<String> idValues() {
      List<String> ids = new ArrayList<>(idFields.size());
      for (String field : idFields) {
        String value = values.get(field);
        if (value == null) {
          throw new RowConversionException(field, "the document id is null or missing");
        }
        ids.add(value);
      }
      return ids;
    }

    @Override
    public String routing() {
      return routingField == null ? null : values.get(routingField);
    }

    @Override
    public byte[] source() {
      return bytes;
    }
  }
}
