package dev.sluice.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Field names as a document's bytes hold them, made once per schema. */
final class JsonNames {
  private static final JsonFactory JACKSON = new JsonFactory();

  private JsonNames() {}

  /**
   * {@code "name":} as Jackson writes a field name: the names are few and written once per schema,
   * so Jackson itself escapes them.
   */
  static byte[] fieldName(String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = JACKSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeFieldName(name);
      out.writeNumber(0);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the field name '" + name + "'", e);
    }
    byte[] object = bytes.toByteArray(); // {"name":0}
    return Arrays.copyOfRange(object, 1, object.length - 2);
  }
}
