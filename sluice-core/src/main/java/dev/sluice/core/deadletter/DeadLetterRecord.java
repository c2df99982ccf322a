package dev.sluice.core.deadletter;

import java.time.Instant;

/**
 * One rejected document and why. Written as one NDJSON line (format version {@link
 * #FORMAT_VERSION}).
 *
 * @param index the index the action went to (the one a {@code {field}} pattern chose, if any)
 * @param op the action: index, create, update, upsert or delete
 * @param source the original body (null for a delete), read back byte for byte
 * @param position the caller's source position, e.g. "partition 3 row 1207"
 * @param routing the action's custom routing, or null
 * @param version the action's external version, or null when it sent none
 * @param versionType the {@code version_type} sent with {@code version}, or null
 * @param scriptParams the {@code params} of a scripted update or upsert, as JSON ({@code {}} when
 *     the script had none); null for every action that ran no script
 * @param pipeline the ingest pipeline an index or create action named ({@code es.ingest.pipeline}),
 *     or null for none; a replay runs the document through it again
 */
public record DeadLetterRecord(
    int formatVersion,
    String index,
    String id,
    String op,
    int status,
    String errorType,
    String reason,
    int attempts,
    Instant firstAttempt,
    Instant lastAttempt,
    String position,
    String writerId,
    byte[] source,
    String routing,
    Long version,
    String versionType,
    byte[] scriptParams,
    String pipeline) {

  /**
   * Format 2 added routing, version, version type and script params; format 3 the pipeline (a
   * Sluice that reads only format 2 refuses it rather than replay without the pipeline).
   */
  public static final int FORMAT_VERSION = 3;

  /** The oldest format still read: its records kept no routing, version or script params. */
  public static final int FIRST_FORMAT_VERSION = 1;

  /** A record of an action without routing, version or script. */
  public DeadLetterRecord(
      int formatVersion,
      String index,
      String id,
      String op,
      int status,
      String errorType,
      String reason,
      int attempts,
      Instant firstAttempt,
      Instant lastAttempt,
      String position,
      String writerId,
      byte[] source) {
    this(
        formatVersion,
        index,
        id,
        op,
        status,
        errorType,
        reason,
        attempts,
        firstAttempt,
        lastAttempt,
        position,
        writerId,
        source,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Whether the record says everything its action carried. A record of format 1 kept no routing,
   * version or script params, so a replay sends its document without them.
   */
  public boolean keepsWholeAction() {
    return formatVersion >= 2;
  }

  /**
   * Whether the record says which pipeline its action named, if any: from format 3 on. Before, a
   * record of an index or create action does not say whether it named one.
   */
  public boolean keepsPipeline() {
    return formatVersion >= 3;
  }
}
