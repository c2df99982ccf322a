package dev.sluice.core.bulk;

/**
 * Keeps same-id ordering: at most one document per (index, id) is outstanding (ready, in flight or
 * awaiting retry). Later ones wait here, in arrival order, until the earlier one is indexed or
 * dead-lettered, so an older version can never be written after a newer one.
 *
 * <p>The outstanding documents sit in one open-addressing table (linear probing) keyed by their
 * id's hash, the waiting ones chained through the documents themselves. Why not a {@code HashMap}:
 * a writer has tens of thousands of documents outstanding (more under a large memory cap), and a
 * document is released long after it was admitted, when its id string and the map's node for it
 * have left the CPU's caches. Here the document keeps its id's hash ({@link
 * PendingDocument#idHash}), and releasing it finds its slot by comparing references: it reads
 * neither its id nor any other document's. Ids are compared only when their hashes are equal. Owned
 * by the writer loop thread.
 */
final class SameIdGate {
  /** A writer has thousands of documents outstanding: start there rather than grow to it. */
  private static final int INITIAL_SLOTS = 1 << 13;

  private PendingDocument[] outstanding = new PendingDocument[INITIAL_SLOTS];
  private int[] hashes = new int[INITIAL_SLOTS];
  private int mask = INITIAL_SLOTS - 1;
  private int shift = Integer.numberOfLeadingZeros(mask);
  private int size;
  private int parked;

  /** True if the document may go now; false if it is parked behind an earlier one. */
  boolean admit(PendingDocument doc) {
    String id = doc.id();
    if (id == null) {
      return true; // generated ids cannot collide
    }
    int hash = id.hashCode();
    doc.idHash = hash;
    if (size >= outstanding.length / 2) {
      grow();
    }
    for (int slot = home(hash); ; slot = (slot + 1) & mask) {
      PendingDocument first = outstanding[slot];
      if (first == null) {
        outstanding[slot] = doc;
        hashes[slot] = hash;
        size++;
        return true;
      }
      if (hashes[slot] == hash && id.equals(first.id()) && doc.index.equals(first.index)) {
        PendingDocument last = first.lastSameId == null ? first : first.lastSameId;
        last.nextSameId = doc;
        first.lastSameId = doc;
        parked++;
        return false;
      }
    }
  }

  /** The document is resolved; returns the next document with its id, now admitted, or null. */
  PendingDocument release(PendingDocument doc) {
    int slot = home(doc.idHash);
    while (outstanding[slot] != doc) {
      if (outstanding[slot] == null) {
        return null; // not in the table: it has no id, so nothing waits on it
      }
      slot = (slot + 1) & mask;
    }
    PendingDocument next = doc.nextSameId;
    if (next == null) {
      remove(slot);
      return null;
    }
    next.idHash = doc.idHash;
    next.lastSameId = doc.lastSameId == next ? null : doc.lastSameId;
    doc.nextSameId = null;
    doc.lastSameId = null;
    outstanding[slot] = next;
    parked--;
    return next;
  }

  int parked() {
    return parked;
  }

  /** Fibonacci hashing: the hash's bits spread over the slot number, sequential ids included. */
  private int home(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** Empties {@code slot}, moving later entries of its run back so that every probe still ends. */
  private void remove(int slot) {
    int hole = slot;
    for (int i = (hole + 1) & mask; outstanding[i] != null; i = (i + 1) & mask) {
      // The entry at i may fill the hole unless its home lies cyclically in (hole, i].
      if (((i - home(hashes[i])) & mask) >= ((i - hole) & mask)) {
        outstanding[hole] = outstanding[i];
        hashes[hole] = hashes[i];
        hole = i;
      }
    }
    outstanding[hole] = null;
    size--;
  }

  private void grow() {
    PendingDocument[] oldDocs = outstanding;
    int[] oldHashes = hashes;
    outstanding = new PendingDocument[oldDocs.length * 2];
    hashes = new int[oldDocs.length * 2];
    mask = outstanding.length - 1;
    shift = Integer.numberOfLeadingZeros(mask);
    for (int i = 0; i < oldDocs.length; i++) {
      if (oldDocs[i] != null) {
        int slot = home(oldHashes[i]);
        while (outstanding[slot] != null) {
          slot = (slot + 1) & mask;
        }
        outstanding[slot] = oldDocs[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }
}
