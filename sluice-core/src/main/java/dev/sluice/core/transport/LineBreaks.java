package dev.sluice.core.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Raw CR and LF bytes in a document source. NDJSON needs each source on one line; in JSON they can
 * only be whitespace between tokens (inside strings they must be escaped, and UTF-8 never uses
 * those bytes in a multi-byte character), so they become spaces, and the length does not change.
 */
final class LineBreaks {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LFS = '\n' * ONES;
  private static final long CRS = '\r' * ONES;
  private static final long SPACES = ' ' * ONES;

  private LineBreaks() {}

  /** The source on one line: itself when it holds no line break, else a copy with spaces. */
  static byte[] singleLine(byte[] source) {
    int i = first(source, 0, source.length);
    if (i < 0) {
      return source;
    }
    byte[] copy = source.clone();
    for (; i < copy.length; i++) {
      if (copy[i] == '\n' || copy[i] == '\r') {
        copy[i] = ' ';
      }
    }
    return copy;
  }

  /**
   * Index of the first CR or LF in {@code bytes[from, to)}, or -1. Tests eight bytes at a time (a
   * byte-by-byte loop over every source was the largest share of {@code add()} in a profile).
   */
  static int first(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      // Most words hold no control byte at all, which one test tells; only a word that does (a
      // line break, or a tab) is tested for CR and LF.
      if (bytesBelow(word, SPACES) != 0 && (zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS)) != 0) {
        break; // one of these eight bytes; the loop below finds which
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return -1;
  }

  /** Non-zero exactly when some byte of {@code word} is zero (the high bit of such bytes set). */
  private static long zeroBytes(long word) {
    return bytesBelow(word, ONES);
  }

  /**
   * Non-zero exactly when some byte of {@code word} is below the byte repeated in {@code limits}
   * (at most 0x80): the subtraction sets a byte's high bit only when that byte, or one before it,
   * was below the limit; bytes of 0x80 and above are masked out.
   */
  private static long bytesBelow(long word, long limits) {
    return (word - limits) & ~word & HIGH_BITS;
  }
}
