package dev.sluice.core.bulk;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps same-id ordering: at most one document per (index, id) is outstanding (ready, in flight or
 * awaiting retry). Later ones wait here, in arrival order, until the earlier one is indexed or
 * dead-lettered, so an older version can never be written after a newer one.
 *
 * <p>Keyed by index, then by the id string the caller gave, so admitting a document builds no key;
 * the waiting ones are chained through the documents themselves. Owned by the writer loop thread.
 */
final class SameIdGate {
  private final Map<String, Map<String, PendingDocument>> outstandingByIndex = new HashMap<>();
  private int parked;

  /** True if the document may go now; false if it is parked behind an earlier one. */
  boolean admit(PendingDocument doc) {
    String id = doc.id();
    if (id == null) {
      return true; // generated ids cannot collide
    }
    PendingDocument first =
        outstandingByIndex
            .computeIfAbsent(doc.index, index -> new HashMap<>())
            .putIfAbsent(id, doc);
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
    Map<String, PendingDocument> outstanding = outstandingByIndex.get(doc.index);
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

  int parked() {
    return parked;
  }
}
