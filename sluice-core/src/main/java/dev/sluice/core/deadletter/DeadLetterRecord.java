package dev.sluice.core.deadletter;

import java.time.Instant;

/**
 * One rejected document and why. Written as one NDJSON line (format version {@link
 * #FORMAT_VERSION}).
 *
 * @param source the original body (null for a delete); on read-back a JSON body comes back
 *     re-serialised compactly, a non-JSON body byte for byte
 * @param position the caller's source position, e.g. "partition 3 row 1207"
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
    byte[] source) {

  public static final int FORMAT_VERSION = 1;
}
