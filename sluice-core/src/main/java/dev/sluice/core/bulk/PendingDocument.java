package dev.sluice.core.bulk;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import java.time.Instant;
import java.util.List;

/**
 * A document on its way: its bulk lines (serialised once, reused by every retry) and its retry
 * history. Owned by the writer loop thread.
 */
final class PendingDocument {
  final long seq;
  final Document document;
  final String index;
  final OpType op;

  /** Action line, then source (possibly wrapped for update), each ending in a newline. */
  final List<byte[]> chunks;

  final long bytes;

  /** (index, id) for same-id ordering; null for generated ids, which cannot collide. */
  final String key;

  int sends;
  int transientFailures;
  Instant firstAttempt;
  Instant lastAttempt;
  boolean sendAlone;

  PendingDocument(long seq, Document document, String index, OpType op, List<byte[]> chunks) {
    this.seq = seq;
    this.document = document;
    this.index = index;
    this.op = op;
    this.chunks = chunks;
    long total = 0;
    for (byte[] chunk : chunks) {
      total += chunk.length;
    }
    this.bytes = total;
    this.key = document.id() == null ? null : index + '\u0000' + document.id();
  }

  String id() {
    return document.id();
  }
}
