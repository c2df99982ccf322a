package dev.sluice.core.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoint files to and from JSON. Every file is one object: {@code format}, {@code kind}, {@code
 * version}, the fields of its kind, and last {@code sha256}: the SHA-256, in hex, of the compact
 * JSON of every other field in file order (as Jackson writes it). A reader parses the file, drops
 * {@code sha256}, writes the rest compactly the same way and compares, so a changed value, a cut
 * file or a flipped byte is caught, while whitespace is free.
 */
final class CheckpointCodec {
  static final String FORMAT = "sluice-checkpoint";
  static final int VERSION = 1;
  static final String MANIFEST = "manifest";
  static final String PARTITION = "partition";
  static final String FINISHED = "finished";
  private static final String CHECKSUM = "sha256";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CheckpointCodec() {}

  static byte[] encode(JobManifest m) {
    ObjectNode n = header(MANIFEST);
    n.put("input", m.input());
    n.put("target_index", m.targetIndex());
    n.put("id_strategy", m.idStrategy());
    ObjectNode options = n.putObject("output_options");
    m.outputOptions().forEach(options::put);
    n.put("created_at", m.createdAt().toString());
    n.put("tool_version", m.toolVersion());
    return seal(n);
  }

  static byte[] encode(PartitionCheckpoint p) {
    ObjectNode n = header(PARTITION);
    n.put("partition", p.partition());
    n.put("rows", p.rows());
    n.put("dead_lettered", p.deadLettered());
    n.put("complete", p.complete());
    n.put("segment_rows", p.segmentRows());
    ArrayNode segments = n.putArray("segments");
    for (PartitionCheckpoint.Segment s : p.segments()) {
      segments.addObject().put("ids", s.idsFingerprint()).put("dead", s.deadLettered());
    }
    n.put("writer_id", p.writerId());
    n.put("updated_at", p.updatedAt().toString());
    return seal(n);
  }

  static byte[] encode(JobFinished f) {
    ObjectNode n = header(FINISHED);
    n.put("finished_at", f.finishedAt().toString());
    n.put("partitions", f.partitions());
    n.put("rows", f.rows());
    n.put("dead_lettered", f.deadLettered());
    return seal(n);
  }

  static JobManifest decodeManifest(byte[] bytes) throws Malformed {
    JsonNode n = open(bytes, MANIFEST);
    JsonNode options = field(n, "output_options");
    if (!options.isObject()) {
      throw new Malformed("output_options is not an object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : options.properties()) {
      if (!e.getValue().isTextual()) {
        throw new Malformed("output option " + e.getKey() + " is not text");
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return new JobManifest(
        text(n, "input"),
        text(n, "target_index"),
        text(n, "id_strategy"),
        map,
        instant(n, "created_at"),
        text(n, "tool_version"));
  }

  static PartitionCheckpoint decodePartition(byte[] bytes) throws Malformed {
    JsonNode n = open(bytes, PARTITION);
    JsonNode array = field(n, "segments");
    if (!array.isArray()) {
      throw new Malformed("segments is not an array");
    }
    List<PartitionCheckpoint.Segment> segments = new ArrayList<>(array.size());
    for (JsonNode s : array) {
      segments.add(new PartitionCheckpoint.Segment(text(s, "ids"), number(s, "dead")));
    }
    try {
      PartitionCheckpoint p =
          new PartitionCheckpoint(
              Math.toIntExact(number(n, "partition")),
              number(n, "rows"),
              Math.toIntExact(number(n, "segment_rows")),
              segments,
              bool(n, "complete"),
              text(n, "writer_id"),
              instant(n, "updated_at"));
      if (p.deadLettered() != number(n, "dead_lettered")) {
        throw new Malformed("dead_lettered does not add up over the segments");
      }
      return p;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new Malformed(e.getMessage());
    }
  }

  static JobFinished decodeFinished(byte[] bytes) throws Malformed {
    JsonNode n = open(bytes, FINISHED);
    try {
      return new JobFinished(
          instant(n, "finished_at"),
          Math.toIntExact(number(n, "partitions")),
          number(n, "rows"),
          number(n, "dead_lettered"));
    } catch (ArithmeticException e) {
      throw new Malformed(e.getMessage());
    }
  }

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

  private static ObjectNode header(String kind) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("format", FORMAT);
    n.put("kind", kind);
    n.put("version", VERSION);
    return n;
  }

  private static byte[] seal(ObjectNode n) {
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

  private static JsonNode open(byte[] bytes, String kind) throws Malformed {
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
    if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
      throw new Malformed(
          "unknown format version "
              + version
              + "; this Sluice reads version "
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

  private static String checksum(ObjectNode n) {
    try {
      MessageDigest digest = IdFingerprint.start();
      return HexFormat.of().formatHex(digest.digest(MAPPER.writeValueAsBytes(n)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write checkpoint JSON", e);
    }
  }

  private static JsonNode field(JsonNode n, String name) throws Malformed {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new Malformed("field " + name + " is missing");
    }
    return v;
  }

  private static String text(JsonNode n, String name) throws Malformed {
    JsonNode v = field(n, name);
    if (!v.isTextual()) {
      throw new Malformed("field " + name + " is not text");
    }
    return v.asText();
  }

  private static long number(JsonNode n, String name) throws Malformed {
    JsonNode v = field(n, name);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw new Malformed("field " + name + " is not a whole number >= 0");
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode n, String name) throws Malformed {
    JsonNode v = field(n, name);
    if (!v.isBoolean()) {
      throw new Malformed("field " + name + " is not true or false");
    }
    return v.asBoolean();
  }

  private static Instant instant(JsonNode n, String name) throws Malformed {
    try {
      return Instant.parse(text(n, name));
    } catch (DateTimeParseException e) {
      throw new Malformed("field " + name + " is not an ISO-8601 instant");
    }
  }
}
