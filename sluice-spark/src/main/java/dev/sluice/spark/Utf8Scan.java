package dev.sluice.spark;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What {@link JsonBuffer} needs to know about UTF-8 text before it copies it into a JSON string:
 * how far the bytes can be copied as they are, and whether a multi-byte sequence is one that Java's
 * decoder keeps (else the text is decoded, with its replacement characters, as before).
 */
final class Utf8Scan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long SPACES = ' ' * ONES;
  private static final long QUOTES = '"' * ONES;
  private static final long BACKSLASHES = '\\' * ONES;

  private Utf8Scan() {}

  /**
   * How many bytes from {@code from} are printable ASCII other than a quote or a backslash, which
   * JSON carries as they are. Eight bytes at a time: most text is such bytes only.
   */
  static int plainRun(byte[] s, int from, int end) {
    int i = from;
    while (i + Long.BYTES <= end && !special((long) LONGS.get(s, i))) {
      i += Long.BYTES;
    }
    while (i < end && plain(s[i])) {
      i++;
    }
    return i - from;
  }

  static boolean plain(byte b) {
    return b >= 0x20 && b != '"' && b != '\\';
  }

  /** Whether one of the eight bytes is not {@link #plain}: non-ASCII, control, quote, backslash. */
  private static boolean special(long word) {
    long control = (word - SPACES) & ~word;
    return ((word | control | zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES)) & HIGH_BITS)
        != 0;
  }

  /** The high bit set in each byte of {@code word} that is zero (and perhaps in a few above it). */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word;
  }

  /** The length of the well-formed multi-byte sequence at {@code i}, or 0 when it is not one. */
  static int sequenceLength(byte[] s, int i, int end) {
    int lead = s[i] & 0xff;
    if (lead >= 0xc2 && lead <= 0xdf) {
      return i + 1 < end && continuation(s[i + 1]) ? 2 : 0;
    }
    if (lead >= 0xe0 && lead <= 0xef) {
      if (i + 2 >= end || !continuation(s[i + 1]) || !continuation(s[i + 2])) {
        return 0;
      }
      int second = s[i + 1] & 0xff;
      boolean overlong = lead == 0xe0 && second < 0xa0;
      boolean surrogate = lead == 0xed && second >= 0xa0;
      return overlong || surrogate ? 0 : 3;
    }
    if (lead >= 0xf0 && lead <= 0xf4) {
      if (i + 3 >= end
          || !continuation(s[i + 1])
          || !continuation(s[i + 2])
          || !continuation(s[i + 3])) {
        return 0;
      }
      int second = s[i + 1] & 0xff;
      boolean overlong = lead == 0xf0 && second < 0x90;
      boolean beyond = lead == 0xf4 && second >= 0x90;
      return overlong || beyond ? 0 : 4;
    }
    return 0;
  }

  private static boolean continuation(byte b) {
    return (b & 0xc0) == 0x80;
  }
}
