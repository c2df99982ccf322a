package dev.sluice.core.retry;

/** What to do about a failure. */
public enum FailureClass {
  /** The cluster asks us to slow down: retry after backoff, and let the flow control back off. */
  THROTTLED,
  /** A fault that may pass (node down, timeout): retry after backoff, bounded by attempts. */
  TRANSIENT,
  /** This document can never succeed as sent: dead-letter it, never retry. */
  DOCUMENT_REJECTED,
  /** Nothing will succeed (credentials, missing index, write block): stop the job. */
  FATAL,
  /**
   * Not a failure after all: a {@code create} refused because its id exists, where this load may
   * have written the document itself (resent after an ambiguous failure, or replayed). It counts as
   * indexed.
   */
  ALREADY_DELIVERED,
  /**
   * Not a failure either: a document sent with an external version that the index already holds, or
   * holds a newer one of. What the row would write is already there or outdated; it counts as
   * indexed ({@code superseded}), and a resumed or repeated load settles instead of failing.
   */
  SUPERSEDED,
  /** The request as a whole was too large (413): send each of its documents in a request alone. */
  SEND_ALONE;

  public boolean retryable() {
    return this == THROTTLED || this == TRANSIENT;
  }
}
