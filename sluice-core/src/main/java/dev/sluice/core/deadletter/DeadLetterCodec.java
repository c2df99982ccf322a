package dev.sluice.core.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/** Dead-letter records to and from NDJSON lines. */
final class DeadLetterCodec {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
  private static final String BASE64 = "_base64";

  private DeadLetterCodec() {}

  static void writeLine(DeadLetterRecord r, OutputStream out) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256 + length(r.source()));
    try (JsonGenerator g = JSON.createGenerator(line)) {
      g.writeStartObject();
      g.writeNumberField("v", r.formatVersion());
      g.writeStringField("index", r.index());
      g.writeStringField("id", r.id());
      g.writeStringField("op", r.op());
      g.writeNumberField("status", r.status());
      g.writeStringField("error_type", r.errorType());
      g.writeStringField("reason", r.reason());
      g.writeNumberField("attempts", r.attempts());
      g.writeStringField("first_attempt", text(r.firstAttempt()));
      g.writeStringField("last_attempt", text(r.lastAttempt()));
      g.writeStringField("position", r.position());
      g.writeStringField("writer_id", r.writerId());
      if (r.source() == null) {
        g.writeNullField("source");
      } else {
        writeBytes(g, "source", r.source());
      }
      if (r.routing() != null) {
        g.writeStringField("routing", r.routing());
      }
      if (r.version() != null) {
        g.writeNumberField("version", r.version());
        g.writeStringField("version_type", r.versionType());
      }
      if (r.scriptParams() != null) {
        writeBytes(g, "script_params", r.scriptParams());
      }
      if (r.pipeline() != null) {
        g.writeStringField("pipeline", r.pipeline());
      }
      g.writeEndObject();
    }
    line.write('\n');
    line.writeTo(out);
  }

  /**
   * A JSON value as it is, when it fits on the record's line unchanged; anything else (CSV text, a
   * pretty-printed body, bytes that are not UTF-8) in base64, under {@code name_base64}: either way
   * a replay sends the bytes the load sent.
   */
  private static void writeBytes(JsonGenerator g, String name, byte[] bytes) throws IOException {
    if (isSingleJsonValue(bytes) && fitsOnALine(bytes)) {
      g.writeFieldName(name);
      g.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
    } else {
      g.writeStringField(name + BASE64, Base64.getEncoder().encodeToString(bytes));
    }
  }

  private static boolean fitsOnALine(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        return false;
      }
    }
    return Arrays.equals(
        new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
  }

  /** Reads every format from {@link DeadLetterRecord#FIRST_FORMAT_VERSION} on. */
  static DeadLetterRecord readLine(String line) throws IOException {
    byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
    JsonNode n = MAPPER.readTree(utf8);
    int version = n.path("v").asInt(-1);
    if (version < DeadLetterRecord.FIRST_FORMAT_VERSION
        || version > DeadLetterRecord.FORMAT_VERSION) {
      throw new IOException(
          "unsupported dead-letter format version "
              + version
              + " (this Sluice reads "
              + DeadLetterRecord.FIRST_FORMAT_VERSION
              + " to "
              + DeadLetterRecord.FORMAT_VERSION
              + ")");
    }
    return new DeadLetterRecord(
        version,
        textOrNull(n, "index"),
        textOrNull(n, "id"),
        textOrNull(n, "op"),
        n.path("status").asInt(),
        textOrNull(n, "error_type"),
        textOrNull(n, "reason"),
        n.path("attempts").asInt(),
        instant(textOrNull(n, "first_attempt")),
        instant(textOrNull(n, "last_attempt")),
        textOrNull(n, "position"),
        textOrNull(n, "writer_id"),
        bytes(utf8, n, "source"),
        textOrNull(n, "routing"),
        n.hasNonNull("version") ? n.get("version").asLong() : null,
        textOrNull(n, "version_type"),
        bytes(utf8, n, "script_params"),
        textOrNull(n, "pipeline"));
  }

  /**
   * A body as it was written: an object or array byte for byte from the line, since re-serialising
   * it from a tree would turn its numbers into doubles (a decimal's digits past the 17th, "1.50"
   * into "1.5") and the replay would send another document, whose content hash is not its id.
   */
  private static byte[] bytes(byte[] line, JsonNode n, String name) throws IOException {
    JsonNode value = n.get(name);
    if (value != null && value.isContainerNode()) {
      return rawValue(line, name);
    }
    if (n.hasNonNull(name)) {
      return MAPPER.writeValueAsBytes(value);
    }
    if (n.hasNonNull(name + BASE64)) {
      return Base64.getDecoder().decode(n.get(name + BASE64).asText());
    }
    return null;
  }

  /** The bytes of the top-level field {@code name}'s object or array value in {@code line}. */
  private static byte[] rawValue(byte[] line, String name) throws IOException {
    try (JsonParser p = JSON.createParser(line)) {
      p.nextToken(); // the record's object
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = name.equals(p.currentName());
        p.nextToken();
        long start = p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        if (wanted) {
          return Arrays.copyOfRange(line, (int) start, (int) p.currentLocation().getByteOffset());
        }
      }
    }
    throw new IOException("no " + name + " in the record");
  }

  /** True when the bytes are exactly one JSON value, so they can be embedded as they are. */
  static boolean isSingleJsonValue(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static String textOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
