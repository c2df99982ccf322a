package dev.sluice.core.bulk;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps same-id ordering: at most one document per (index, id) is outstanding (ready, in flight or
 * awaiting retry). Later ones wait here, in arrival order, until the earlier one is indexed or
 * dead-lettered, so an older version can never be written after a newer one.
 *
 * <p>Keyed by index, then by the id string the caller gave, so admitting a document builds no key;
 * the waiting ones are chained through the documents themselves. Nearly every document goes to the
 * same index as the one before, so the last index's map is kept at hand: one hash lookup per
 * document instead of two. Owned by the writer loop thread.
 */
final class SameIdGate {
  /** A writer has thousands of documents outstanding: start there rather than grow to it. */
  private static final int INITIAL_CAPACITY = 1 << 12;

  private final Map<String, Map<String, PendingDocument>> outstandingByIndex = new HashMap<>();
  private String lastIndex;
  private Map<String, PendingDocument> lastOutstanding;
  private int parked;

  /** True if the document may go now; false if it is parked behind an earlier one. */
  boolean admit(PendingDocument doc) {
    String id = doc.id();
    if (id == null) {
      return true; // generated ids cannot collide
    }
    PendingDocument first = outstanding(doc.index).putIfAbsent(id, doc);
    if (first == null) {
      return true;
    }
    PendingDocument last = first.lastSameId == null ? first : first.lastSameId;
    last.nextSameId = doc;
    first.lastSameId = doc;
    parked++;
    return false;
  }

  /** The document is resolved; returns the next document with its id, now admitted, or null. */
  PendingDocument release(PendingDocument doc) {
    String id = doc.id();
    if (id == null) {
      return null;
    }
    Map<String, PendingDocument> outstanding = outstanding(doc.index);
    PendingDocument next = doc.nextSameId;
    if (next == null) {
      outstanding.remove(id);
      return null;
    }
    next.lastSameId = doc.lastSameId == next ? null : doc.lastSameId;
    doc.nextSameId = null;
    doc.lastSameId = null;
    outstanding.put(id, next);
    parked--;
    return next;
  }

  private Map<String, PendingDocument> outstanding(String index) {
    if (!index.equals(lastIndex)) {
      lastOutstanding =
          outstandingByIndex.computeIfAbsent(index, i -> new HashMap<>(INITIAL_CAPACITY));
      lastIndex = index;
    }
    return lastOutstanding;
  }

  int parked() {
    return parked;
  }
}
