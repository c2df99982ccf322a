package dev.sluice.core.checkpoint;

/**
 * The rows of a partition that are handed out but not yet below the watermark, in input order: the
 * first is unsettled, later ones may have settled already (batches complete out of order). Each
 * keeps its id (for the fingerprint, once the watermark passes it), the loader sequence number it
 * settles under, and its state. A ring buffer with a byte estimate, so that its owner can cap the
 * memory held while one row waits on retries. Not thread-safe: {@link PartitionProgress} guards it.
 */
final class UnsettledRows {
  /** A String of n chars, its array, and this ring's slots, roughly; ids are rarely long. */
  static final long ROW_OVERHEAD_BYTES = 80;

  private static final byte PENDING = 0;
  private static final byte INDEXED = 1;
  private static final byte DEAD = 2;
  private static final byte BYPASSED = 4; // settled without the loader; its seq is a neighbour's

  private String[] ids = new String[16];
  private long[] seqs = new long[16];
  private byte[] states = new byte[16];
  private int head;
  private int size;
  private long bytes;

  static long bytesOf(String id) {
    return ROW_OVERHEAD_BYTES + (id == null ? 0 : 2L * id.length());
  }

  /** A row the loader numbered {@code seq}; seqs rise with the input order. */
  void addSent(String id, long seq) {
    add(id, seq, PENDING);
  }

  /**
   * A row settled without the loader. It carries the seq of the last row sent before it, so that
   * seqs never fall along the ring and {@link #settle} can search them.
   */
  void addSettled(String id, long lastSeq, boolean deadLettered) {
    add(id, lastSeq, (byte) (BYPASSED | (deadLettered ? DEAD : INDEXED)));
  }

  /**
   * Marks the row sent as {@code seq} settled.
   *
   * @return false when no pending row was sent as {@code seq} (settled twice, or never sent)
   */
  boolean settle(long seq, boolean deadLettered) {
    int low = 0;
    int high = size;
    while (low < high) { // the first row whose seq is >= seq: rows sent before it have smaller ones
      int mid = (low + high) >>> 1;
      if (seqs[slot(mid)] < seq) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    if (low == size) {
      return false;
    }
    int slot = slot(low);
    if (seqs[slot] != seq || states[slot] != PENDING) {
      return false;
    }
    states[slot] = deadLettered ? DEAD : INDEXED;
    return true;
  }

  boolean firstSettled() {
    return size > 0 && states[head] != PENDING;
  }

  String firstId() {
    return ids[head];
  }

  boolean firstDeadLettered() {
    return (states[head] & DEAD) != 0;
  }

  void removeFirst() {
    bytes -= bytesOf(ids[head]);
    ids[head] = null;
    head = (head + 1) % ids.length;
    size--;
  }

  int size() {
    return size;
  }

  /** Estimated bytes the rows hold. */
  long bytes() {
    return bytes;
  }

  private void add(String id, long seq, byte state) {
    if (size == ids.length) {
      grow();
    }
    int slot = slot(size);
    ids[slot] = id;
    seqs[slot] = seq;
    states[slot] = state;
    size++;
    bytes += bytesOf(id);
  }

  private int slot(int index) {
    return (head + index) % ids.length;
  }

  private void grow() {
    int n = ids.length * 2;
    String[] newIds = new String[n];
    long[] newSeqs = new long[n];
    byte[] newStates = new byte[n];
    for (int i = 0; i < size; i++) {
      newIds[i] = ids[slot(i)];
      newSeqs[i] = seqs[slot(i)];
      newStates[i] = states[slot(i)];
    }
    ids = newIds;
    seqs = newSeqs;
    states = newStates;
    head = 0;
  }
}
