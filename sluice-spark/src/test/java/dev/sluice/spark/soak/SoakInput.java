package dev.sluice.spark.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.spark.soak.SoakScenario.IdMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The input of one seed, generated from its scenario, and what each row must become. The parent
 * computes the expected outcome from the same list the child loads.
 *
 * <p>Columns: {@code key} (string, edge characters, null in the null-key bad rows), {@code row}
 * (the record number; a duplicate repeats it), {@code code} (a numeric string the mapping stores as
 * a long, or text it rejects), {@code score} (a double, NaN in rows that cannot become JSON),
 * {@code payload}; with {@link IdMode#BINARY} also {@code bkey}, the key's bytes, some not UTF-8.
 */
final class SoakInput {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a row must end as. */
  enum Kind {
    GOOD,
    /** {@code code} is not a number: Elasticsearch's strict mapping rejects the document. */
    BAD_MAPPING,
    /** {@code score} is NaN: the row cannot become JSON. */
    BAD_NAN,
    /** The id column is null. */
    BAD_NULL_KEY
  }

  record SoakRow(
      long row, String key, byte[] bkey, String code, double score, String payload, Kind kind) {}

  private static final String[] KEY_SHAPES = {
    "k-%d",
    "K-%d",
    "ключ-%d",
    "键-%d",
    "🙂🙃-%d",
    "e\u0301-%d", // combining accent: a different id from the precomposed form below
    "\u00e9-%d",
    "a b/c?d#e&f%%g+h-%d",
    "quote\"back\\slash-%d",
    "tab\tnewline\n-%d",
    "_id-%d",
    "\u200f\u05e9\u05dc\u05d5\u05dd-%d", // right-to-left mark and Hebrew
    "%d",
    "é".repeat(200) + "-%d", // 400+ bytes of UTF-8, under Elasticsearch's 512-byte id limit
  };

  private static final int MAX_BINARY_KEY = 300;

  private final SoakScenario scenario;
  private final List<SoakRow> rows;

  private SoakInput(SoakScenario scenario, List<SoakRow> rows) {
    this.scenario = scenario;
    this.rows = List.copyOf(rows);
  }

  static SoakInput of(SoakScenario scenario) {
    Random random = new Random(SoakRandom.mix(scenario.seed(), 1));
    List<SoakRow> rows = new ArrayList<>();
    for (long r = 0; r < scenario.rows(); r++) {
      rows.add(record(scenario, r, random));
    }
    int records = rows.size();
    for (int i = 0; i < records; i++) {
      SoakRow original = rows.get(i);
      if (original.kind() == Kind.GOOD && random.nextDouble() < scenario.duplicateShare()) {
        rows.add(random.nextInt(rows.size() + 1), original);
      }
    }
    return new SoakInput(scenario, rows);
  }

  private static SoakRow record(SoakScenario scenario, long r, Random random) {
    Kind kind = Kind.GOOD;
    if (random.nextDouble() < scenario.badShare()) {
      boolean keyed = scenario.idMode() != IdMode.HASH;
      kind =
          switch (random.nextInt(keyed ? 3 : 2)) {
            case 0 -> Kind.BAD_MAPPING;
            case 1 -> Kind.BAD_NAN;
            default -> Kind.BAD_NULL_KEY;
          };
    }
    String key = String.format(KEY_SHAPES[random.nextInt(KEY_SHAPES.length)], r);
    byte[] bkey = binaryKey(key, random);
    if (kind == Kind.BAD_NULL_KEY) {
      key = scenario.idMode() == IdMode.BINARY ? key : null;
      bkey = scenario.idMode() == IdMode.BINARY ? null : bkey;
    }
    String code = kind == Kind.BAD_MAPPING ? "not-a-number-" + r : Long.toString(r * 7 - 1000);
    double score = kind == Kind.BAD_NAN ? Double.NaN : random.nextInt(4000) / 4.0 - 500;
    String payload = "item-" + r + "-" + "abcdefghij".repeat(1 + random.nextInt(20));
    return new SoakRow(r, key, bkey, code, score, payload, kind);
  }

  /**
   * The key's UTF-8 bytes (its last 300 at most: the id is their base64url, which Elasticsearch
   * takes only up to 512 bytes); one in four gets bytes that are not UTF-8 in front.
   */
  private static byte[] binaryKey(String key, Random random) {
    byte[] whole = key.getBytes(StandardCharsets.UTF_8);
    byte[] utf8 =
        Arrays.copyOfRange(whole, Math.max(0, whole.length - MAX_BINARY_KEY), whole.length);
    if (random.nextInt(4) != 0) {
      return utf8;
    }
    byte[] prefix = {(byte) 0xff, (byte) 0xc3, (byte) 0x28, (byte) random.nextInt(256)};
    byte[] bytes = new byte[prefix.length + utf8.length];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    System.arraycopy(utf8, 0, bytes, prefix.length, utf8.length);
    return bytes;
  }

  List<SoakRow> rows() {
    return rows;
  }

  StructType schema() {
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType, true)
            .add("row", DataTypes.LongType, false)
            .add("code", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("payload", DataTypes.StringType, false);
    return binary() ? schema.add("bkey", DataTypes.BinaryType, true) : schema;
  }

  List<Row> sparkRows() {
    List<Row> result = new ArrayList<>(rows.size());
    for (SoakRow r : rows) {
      result.add(
          binary()
              ? RowFactory.create(r.key(), r.row(), r.code(), r.score(), r.payload(), r.bkey())
              : RowFactory.create(r.key(), r.row(), r.code(), r.score(), r.payload()));
    }
    return result;
  }

  /** The index mapping: strict, with {@code code} a long, so that text in it is rejected. */
  String mapping() {
    return "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0},"
        + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
        + "\"key\":{\"type\":\"keyword\"},\"bkey\":{\"type\":\"keyword\"},"
        + "\"row\":{\"type\":\"long\"},\"code\":{\"type\":\"long\"},"
        + "\"score\":{\"type\":\"double\"},"
        + "\"payload\":{\"type\":\"keyword\",\"index\":false,\"doc_values\":false}}}}";
  }

  /** The {@code _source} a good row must have in the index, parsed. */
  JsonNode expectedSource(SoakRow r) {
    ObjectNode source = JSON.createObjectNode();
    source.put("key", r.key());
    source.put("row", r.row());
    source.put("code", r.code());
    source.put("score", r.score());
    source.put("payload", r.payload());
    if (binary()) {
      source.put("bkey", Base64.getEncoder().encodeToString(r.bkey()));
    }
    try {
      // Through text, so that numbers get the node types a parsed _source has.
      return JSON.readTree(JSON.writeValueAsString(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean binary() {
    return scenario.idMode() == IdMode.BINARY;
  }
}
