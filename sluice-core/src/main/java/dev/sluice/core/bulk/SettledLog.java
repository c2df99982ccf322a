package dev.sluice.core.bulk;

import dev.sluice.core.LoadListener;
import java.util.Arrays;

/**
 * Documents settled since the listener was last told, held until their dead letters are flushed.
 * Primitive storage: a round can settle thousands of documents. Owned by the writer loop thread.
 */
final class SettledLog {
  private long[] entries = new long[256]; // seq << 1 | deadLettered
  private int size;
  private boolean deadLetters;

  void add(long seq, boolean deadLettered) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = seq << 1 | (deadLettered ? 1 : 0);
    deadLetters |= deadLettered;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean hasDeadLetters() {
    return deadLetters;
  }

  /** Reports every entry, then forgets them (also when the listener throws). */
  void drainTo(LoadListener listener) {
    int n = size;
    size = 0;
    deadLetters = false;
    for (int i = 0; i < n; i++) {
      listener.onSettled(entries[i] >>> 1, (entries[i] & 1) == 1);
    }
  }
}
