package dev.sluice.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One document to write.
 *
 * @param index target index; null means the configured {@code es.resource}
 * @param id document id; null lets Elasticsearch generate one
 * @param routing custom routing, or null
 * @param op operation; null means the configured {@code es.write.operation}
 * @param source the JSON body, serialised once by the caller; null only for DELETE
 * @param positionPrefix the source position ("partition 3 row 1207", "file.json:12") carried into
 *     dead letters and errors, or, when {@code positionNumber} is not negative, the text before
 *     that number ("partition 3 row "): one string shared by a partition's documents, the number
 *     turned into text only when {@link #position()} is asked (a dead letter, an error)
 * @param positionNumber the row's number within {@code positionPrefix}, or -1 when the prefix is
 *     the whole position
 * @param version the external version sent with the action ({@code es.mapping.version}), or null
 * @param scriptParams the {@code params} object of a scripted update, as JSON, or null
 * @param sourceOnOneLine true when the caller's writer guarantees that {@code source} holds no raw
 *     CR or LF byte (it escapes them inside strings and writes none between tokens), so the engine
 *     need not look for them; false lets the engine make the source one line
 */
public record Document(
    String index,
    String id,
    String routing,
    OpType op,
    byte[] source,
    String positionPrefix,
    long positionNumber,
    Long version,
    byte[] scriptParams,
    boolean sourceOnOneLine) {

  /** A document whose position is given whole, its source to be made one line. */
  public Document(
      String index,
      String id,
      String routing,
      OpType op,
      byte[] source,
      String position,
      Long version,
      byte[] scriptParams) {
    this(index, id, routing, op, source, position, -1, version, scriptParams, false);
  }

  /** A document without a version or script params. */
  public Document(
      String index, String id, String routing, OpType op, byte[] source, String position) {
    this(index, id, routing, op, source, position, null, null);
  }

  /** Where the document came from, as dead letters and errors name it. */
  public String position() {
    return positionNumber < 0 || positionPrefix == null
        ? positionPrefix
        : positionPrefix + positionNumber;
  }

  /** A document for the configured index and operation. */
  public static Document of(String id, byte[] source, String position) {
    return new Document(null, id, null, null, source, position);
  }

  /**
   * A document for the configured index and operation whose body {@code writer} writes, once, now.
   *
   * @throws UncheckedIOException naming the position when the writer fails
   */
  public static Document writing(String id, SourceWriter writer, String position) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    try {
      writer.writeTo(body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the document at " + position + ": " + e, e);
    }
    return of(id, body.toByteArray(), position);
  }
}
