package dev.sluice.core.checkpoint;

import static dev.sluice.core.checkpoint.CheckpointJson.bool;
import static dev.sluice.core.checkpoint.CheckpointJson.field;
import static dev.sluice.core.checkpoint.CheckpointJson.header;
import static dev.sluice.core.checkpoint.CheckpointJson.instant;
import static dev.sluice.core.checkpoint.CheckpointJson.number;
import static dev.sluice.core.checkpoint.CheckpointJson.open;
import static dev.sluice.core.checkpoint.CheckpointJson.partitions;
import static dev.sluice.core.checkpoint.CheckpointJson.seal;
import static dev.sluice.core.checkpoint.CheckpointJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.checkpoint.CheckpointJson.Malformed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three kinds of checkpoint file to and from JSON, in {@link CheckpointJson}'s envelope. */
final class CheckpointCodec {
  static final String MANIFEST = "manifest";
  static final String PARTITION = "partition";
  static final String FINISHED = "finished";

  private CheckpointCodec() {}

  static byte[] encode(JobManifest m) {
    ObjectNode n = header(MANIFEST);
    n.put("input", m.input());
    n.put("target_index", m.targetIndex());
    n.put("id_strategy", m.idStrategy());
    ObjectNode options = n.putObject("output_options");
    m.outputOptions().forEach(options::put);
    n.put("partitions", m.partitions());
    n.put("created_at", m.createdAt().toString());
    n.put("tool_version", m.toolVersion());
    return seal(n);
  }

  static byte[] encode(PartitionCheckpoint p) {
    ObjectNode n = header(PARTITION);
    n.put("partition", p.partition());
    n.put("partitions", p.partitions());
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
        text(n, "tool_version"),
        partitions(n));
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
              partitions(n),
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
}
