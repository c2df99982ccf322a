package dev.sluice.core.bulk;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps same-id ordering: at most one document per (index, id) is outstanding (ready, in flight or
 * awaiting retry). Later ones wait here, in arrival order, until the earlier one is indexed or
 * dead-lettered, so an older version can never be written after a newer one.
 */
final class SameIdGate {
  private final Map<String, ArrayDeque<PendingDocument>> waiting = new HashMap<>();
  private int parked;

  /** True if the document may go now; false if it is parked behind an earlier one. */
  boolean admit(PendingDocument doc) {
    if (doc.key == null) {
      return true;
    }
    ArrayDeque<PendingDocument> queue = waiting.get(doc.key);
    if (queue == null) {
      waiting.put(doc.key, new ArrayDeque<>(1));
      return true;
    }
    queue.add(doc);
    parked++;
    return false;
  }

  /** The document is resolved; returns the next document with its id, now admitted, or null. */
  PendingDocument release(PendingDocument doc) {
    if (doc.key == null) {
      return null;
    }
    ArrayDeque<PendingDocument> queue = waiting.get(doc.key);
    PendingDocument next = queue == null ? null : queue.poll();
    if (next == null) {
      waiting.remove(doc.key);
    } else {
      parked--;
    }
    return next;
  }

  int parked() {
    return parked;
  }
}
