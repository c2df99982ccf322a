package dev.sluice.core.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * The envelope of every checkpoint file: one JSON object with {@code format}, {@code kind}, {@code
 * version}, the fields of its kind, and last {@code sha256}: the SHA-256, in hex, of the compact
 * JSON of every other field in file order (as Jackson writes it). A reader parses the file, drops
 * {@code sha256}, writes the rest compactly the same way and compares, so a changed value, a cut
 * file or a flipped byte is caught, while whitespace is free. Plus typed field readers that say
 * what is wrong.
 */
final class CheckpointJson {
  static final String FORMAT = "sluice-checkpoint";

  /**
   * Version 2 records how the input was split (a manifest's and each progress file's {@code
   * partitions}). Version 1 files are still read: their split is unknown, so their progress is
   * never trusted, only re-sent.
   */
  static final int VERSION = 2;

  static final int OLDEST_READ = 1;
  private static final String CHECKSUM = "sha256";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CheckpointJson() {}

  /** Why a file cannot be read; the store turns it into a {@link CheckpointCorruptException}. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }

    Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static ObjectNode header(String kind) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("format", FORMAT);
    n.put("kind", kind);
    n.put("version", VERSION);
    return n;
  }

  static byte[] seal(ObjectNode n) {
    n.put(CHECKSUM, checksum(n));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, n);
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint JSON", e);
    }
  }

  /** Parses and checks a file of {@code kind}; its {@code version} stays in the object. */
  static ObjectNode open(byte[] bytes, String kind) throws Malformed {
    JsonNode n;
    try {
      n = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new Malformed("not valid JSON (cut short or damaged): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new Malformed("not valid JSON: " + e, e);
    }
    if (n == null || !n.isObject()) {
      throw new Malformed(bytes.length == 0 ? "the file is empty" : "not a JSON object");
    }
    ObjectNode object = (ObjectNode) n;
    if (!FORMAT.equals(object.path("format").asText(null))) {
      throw new Malformed("it is not a Sluice checkpoint file (format is not '" + FORMAT + "')");
    }
    JsonNode version = object.get("version");
    if (version == null
        || !version.canConvertToInt()
        || version.asInt() < OLDEST_READ
        || version.asInt() > VERSION) {
      throw new Malformed(
          "unknown format version "
              + version
              + "; this Sluice reads versions "
              + OLDEST_READ
              + " to "
              + VERSION
              + " (was it written by a newer Sluice?)");
    }
    if (!kind.equals(object.path("kind").asText(null))) {
      throw new Malformed("expected a " + kind + " file, found kind " + object.get("kind"));
    }
    JsonNode recorded = object.remove(CHECKSUM);
    if (recorded == null || !recorded.isTextual()) {
      throw new Malformed("no " + CHECKSUM + " checksum");
    }
    String actual = checksum(object);
    if (!actual.equals(recorded.asText())) {
      throw new Malformed(
          "checksum mismatch (recorded "
              + recorded.asText()
              + ", content hashes to "
              + actual
              + ")");
    }
    return object;
  }

  /**
   * The split a file records: its {@code partitions} field, required from version 2 on (where 0
   * also means unknown), {@link PartitionCheckpoint#UNKNOWN_SPLIT} in a version 1 file.
   */
  static int partitions(JsonNode n) throws Malformed {
    if (n.path("version").asInt() < 2) {
      return PartitionCheckpoint.UNKNOWN_SPLIT;
    }
    long partitions = number(n, "partitions");
    if (partitions > Integer.MAX_VALUE) {
      throw new Malformed("field partitions is not a partition count");
    }
    return (int) partitions;
  }

  private static String checksum(ObjectNode n) {
    try {
      MessageDigest digest = IdFingerprint.start();
      return HexFormat.of().formatHex(digest.digest(MAPPER.writeValueAsBytes(n)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write checkpoint JSON", e);
    }
  }

  static JsonNode field(JsonNode n, String name) throws Malformed {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new Malformed("field " + name + " is missing");
    }
    return v;
  }

  static String text(JsonNode n, String name) throws Malformed {
    JsonNode v = field(n, name);
    if (!v.isTextual()) {
      throw new Malformed("field " + name + " is not text");
    }
    return v.asText();
  }

  static long number(JsonNode n, String name) throws Malformed {
    JsonNode v = field(n, name);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw new Malformed("field " + name + " is not a whole number >= 0");
    }
    return v.asLong();
  }

  static boolean bool(JsonNode n, String name) throws Malformed {
    JsonNode v = field(n, name);
    if (!v.isBoolean()) {
      throw new Malformed("field " + name + " is not true or false");
    }
    return v.asBoolean();
  }

  static Instant instant(JsonNode n, String name) throws Malformed {
    try {
      return Instant.parse(text(n, name));
    } catch (DateTimeParseException e) {
      throw new Malformed("field " + name + " is not an ISO-8601 instant");
    }
  }
}
