package dev.sluice.cli;

import dev.sluice.core.deadletter.DeadLetterRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Dead-letter records as a load writes them, for the replay's unit tests. */
final class ReplayRecords {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  private ReplayRecords() {}

  static DeadLetterRecord of(
      String index, String op, String routing, Long version, String versionType, String params) {
    return record(
        DeadLetterRecord.FORMAT_VERSION, index, op, routing, version, versionType, params, null);
  }

  /** An index or create action that named {@code pipeline} (null: none). */
  static DeadLetterRecord piped(String op, String pipeline) {
    return record(DeadLetterRecord.FORMAT_VERSION, "logs", op, null, null, null, null, pipeline);
  }

  /** As Sluice wrote it before it kept the pipeline: format 2. */
  static DeadLetterRecord formatTwo(String op) {
    return record(2, "logs", op, null, null, null, null, null);
  }

  private static DeadLetterRecord record(
      int format,
      String index,
      String op,
      String routing,
      Long version,
      String versionType,
      String params,
      String pipeline) {
    return new DeadLetterRecord(
        format,
        index,
        "r1",
        op,
        400,
        "strict_dynamic_mapping_exception",
        "no color",
        1,
        AT,
        AT,
        "partition 0 row 1",
        "w",
        bytes("{\"id\":\"r1\"}"),
        routing,
        version,
        versionType,
        bytes(params),
        pipeline);
  }

  static DeadLetterRecord plain(String index, String op) {
    return of(index, op, null, null, null, null);
  }

  /** As Sluice wrote it before it kept routing, version and params. */
  static DeadLetterRecord formatOne(String index, String op) {
    return record(DeadLetterRecord.FIRST_FORMAT_VERSION, index, op, null, null, null, null, null);
  }

  static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
