package dev.sluice.core.transport;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.List;
import java.util.RandomAccess;

/**
 * A bulk body as chunks, some of which are sources nobody has looked at for line breaks yet. Read
 * as a list, those chunks come out on one line ({@link LineBreaks#singleLine}); the transport
 * instead flattens them while it copies them to the socket, so that each source byte is read from
 * memory once rather than once to check it and again to send it (the check alone was a visible
 * share of a loader's CPU: sources held for sending do not stay in the cache).
 */
public final class BulkBody extends AbstractList<byte[]> implements RandomAccess {
  private final List<byte[]> chunks;
  private final BitSet unchecked;

  /**
   * @param unchecked the indexes of chunks that may hold raw line breaks (not copied)
   */
  public BulkBody(List<byte[]> chunks, BitSet unchecked) {
    this.chunks = chunks;
    this.unchecked = unchecked;
  }

  /** These chunks as a body, all of them on one line already. */
  static BulkBody of(List<byte[]> chunks) {
    return chunks instanceof BulkBody body ? body : new BulkBody(chunks, new BitSet());
  }

  @Override
  public byte[] get(int i) {
    byte[] chunk = chunks.get(i);
    return unchecked.get(i) ? LineBreaks.singleLine(chunk) : chunk;
  }

  @Override
  public int size() {
    return chunks.size();
  }

  /** The chunk as it was given: its line breaks, if any, still in it. */
  byte[] raw(int i) {
    return chunks.get(i);
  }

  boolean unchecked(int i) {
    return unchecked.get(i);
  }
}
