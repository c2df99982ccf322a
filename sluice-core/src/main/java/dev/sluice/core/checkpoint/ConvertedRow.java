package dev.sluice.core.checkpoint;

import dev.sluice.core.Document;
import java.util.Objects;

/**
 * What one input row became: a document to send, or, with an {@code errorType}, a record the caller
 * could not turn into a valid document, to be dead-lettered as it is ({@code
 * BulkLoader.deadLetter}).
 *
 * @param document the document, or what could be made of the record (id if known, position)
 * @param errorType why it cannot be sent, or null when it can
 * @param reason the details, or null when it can be sent
 */
public record ConvertedRow(Document document, String errorType, String reason) {
  /** Per row held, besides its source: id, position, objects. */
  private static final long OVERHEAD_BYTES = 160;

  public ConvertedRow {
    Objects.requireNonNull(document, "document");
  }

  public static ConvertedRow of(Document document) {
    return new ConvertedRow(document, null, null);
  }

  public boolean rejected() {
    return errorType != null;
  }

  /** Roughly what holding it takes, for memory caps. */
  public long heldBytes() {
    byte[] source = document.source();
    return OVERHEAD_BYTES + (source == null ? 0 : source.length);
  }
}
