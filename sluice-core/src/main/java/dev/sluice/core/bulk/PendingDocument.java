package dev.sluice.core.bulk;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import java.time.Instant;

/**
 * A document on its way: its bulk lines (serialised once, reused by every retry) and its retry
 * history. Owned by the writer loop thread.
 */
final class PendingDocument {
  final long seq;
  final Document document;
  final String index;
  final OpType op;

  /**
   * Action line, then source (possibly wrapped for update), each ending in a newline. An array, not
   * a list: cutting a batch walks every document's chunks, and a list is one more object to reach.
   */
  final byte[][] chunks;

  final long bytes;

  /** The chunk that may still hold raw line breaks (a source nobody has checked), or -1. */
  final int uncheckedChunk;

  // The retry history: read by anyone on the loop thread, written only by Retries.
  int sends;
  int transientFailures;
  Instant firstAttempt;
  Instant lastAttempt;
  boolean sendAlone;

  /** An earlier send failed in a way that Elasticsearch may have applied it anyway. */
  boolean possiblyApplied;

  /** {@link SameIdGate}'s chain (written only there): the next document with this id. */
  PendingDocument nextSameId;

  /** {@link SameIdGate}'s chain, on the outstanding document only: the last one waiting. */
  PendingDocument lastSameId;

  /** {@link SameIdGate}'s (written only there): the id's hash, so a release reads no id. */
  int idHash;

  PendingDocument(long seq, Document document, String index, OpType op, byte[]... chunks) {
    this(seq, document, index, op, -1, chunks);
  }

  PendingDocument(
      long seq, Document document, String index, OpType op, int uncheckedChunk, byte[]... chunks) {
    this.seq = seq;
    this.uncheckedChunk = uncheckedChunk;
    this.document = document;
    this.index = index;
    this.op = op;
    this.chunks = chunks;
    long total = 0;
    for (byte[] chunk : chunks) {
      total += chunk.length;
    }
    this.bytes = total;
  }

  String id() {
    return document.id();
  }
}
