package dev.sluice.spark;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON values are written into, byte for byte as Jackson's generator
 * writes them with its defaults (the content-hash ids of earlier loads depend on those bytes): the
 * same escapes (the short ones, a six-character escape with upper-case hex digits for other control
 * characters) and, as Jackson does unless told to combine them, each half of a character outside
 * the BMP written as a six-character escape of its own. One buffer per partition writer, reused row
 * after row, so writing a row makes no garbage; the caller adds the separators.
 */
final class JsonBuffer {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /**
   * Per ASCII byte: 0 written as it is, 'u' as a six-character escape, else the short escape's
   * letter.
   */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  private static final double[] SCALES = {1, 10, 100, 1000};

  private byte[] bytes;
  private int size;
  // Floating-point numbers are formatted into it, as Double.toString formats them, not into a
  // new String per value.
  private final StringBuilder number = new StringBuilder(32);

  JsonBuffer() {
    this(1024);
  }

  JsonBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  void reset() {
    size = 0;
  }

  /** Drops what was written after {@code size} bytes (a string abandoned half-way). */
  void truncate(int size) {
    this.size = size;
  }

  int size() {
    return size;
  }

  /** The buffer itself: valid up to {@link #size()}, until the next write. */
  byte[] array() {
    return bytes;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void write(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  void write(byte[] b) {
    write(b, 0);
  }

  /** The bytes of {@code b} from {@code from} on. */
  void write(byte[] b, int from) {
    int length = b.length - from;
    ensure(length);
    System.arraycopy(b, from, bytes, size, length);
    size += length;
  }

  /** Text known to be ASCII and to need no escape (a number, a keyword), unquoted. */
  void writeAscii(CharSequence text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) text.charAt(i);
    }
  }

  /** As {@link Double#toString(double)} writes it (StringBuilder shares its formatter). */
  void writeDouble(double value) {
    if (!writeShortDecimal(value)) {
      number.setLength(0);
      writeAscii(number.append(value));
    }
  }

  /**
   * A double with at most three decimals between 0.001 and 10^7 (a duration, a price), written
   * without the JDK's general formatter, which was a twentieth of a row's CPU. The same text:
   * Double.toString writes such a value in plain notation with the fewest digits that read back as
   * it, and when {@code n / 10^k} (n and 10^k exact, the division correctly rounded) is the value,
   * the decimal n·10^-k reads back as it too, and no decimal with fewer digits does (two decimals
   * of 10 digits or fewer are never one double). Returns false, having written nothing, otherwise.
   */
  private boolean writeShortDecimal(double value) {
    double magnitude = Math.abs(value);
    if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
      return false;
    }
    for (int decimals = 0; decimals < SCALES.length; decimals++) {
      long scaled = Math.round(magnitude * SCALES[decimals]);
      if (scaled / SCALES[decimals] == magnitude) {
        if (value < 0) {
          write((byte) '-');
        }
        long unit = (long) SCALES[decimals];
        writeNumber(scaled / unit);
        write((byte) '.');
        if (decimals == 0) {
          write((byte) '0');
        } else {
          writeDigits((int) (scaled % unit), decimals);
        }
        return true;
      }
    }
    return false;
  }

  /** As {@link Float#toString(float)} writes it. */
  void writeFloat(float value) {
    number.setLength(0);
    writeAscii(number.append(value));
  }

  /** As {@link Long#toString(long)} writes it. */
  void writeNumber(long value) {
    if (value == Long.MIN_VALUE) {
      writeAscii(Long.toString(value));
      return;
    }
    ensure(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    int digits = digits(value);
    int end = size + digits;
    for (int at = end - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size = end;
  }

  /** {@code value} as exactly {@code digits} decimal digits, zero-padded; value is not negative. */
  void writeDigits(int value, int digits) {
    ensure(digits);
    for (int at = size + digits - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += digits;
  }

  private static int digits(long value) {
    int digits = 1;
    for (long limit = 10; digits < 19 && value >= limit; limit *= 10) {
      digits++;
    }
    return digits;
  }

  /** A quoted JSON string of {@code text}, escaped as Jackson escapes it. */
  void writeString(String text) {
    int length = text.length();
    ensure(length * 6 + 2);
    bytes[size++] = '"';
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        ascii(c);
      } else if (c < 0x800) {
        bytes[size++] = (byte) (0xc0 | (c >> 6));
        bytes[size++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        unicodeEscape(c);
      } else {
        bytes[size++] = (byte) (0xe0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        bytes[size++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    bytes[size++] = '"';
  }

  /**
   * Writes well-formed UTF-8 as a quoted, escaped string; returns false, having written part of it,
   * at the first byte Java's decoder would replace (overlong forms, surrogates, beyond U+10FFFF,
   * truncated sequences).
   */
  boolean writeUtf8(byte[] source, int offset, int length) {
    // Six bytes per input byte covers the worst case: a control byte as a six-character escape.
    ensure(length * 6 + 2);
    byte[] out = bytes;
    int at = size;
    out[at++] = '"';
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int run = Utf8Scan.plainRun(source, i, end);
      System.arraycopy(source, i, out, at, run);
      at += run;
      i += run;
      if (i == end) {
        break;
      }
      int b = source[i];
      if (b >= 0) {
        size = at;
        ascii((char) b);
        at = size;
        i++;
        continue;
      }
      int sequence = Utf8Scan.sequenceLength(source, i, end);
      if (sequence == 0) {
        return false;
      }
      if (sequence < 4) {
        System.arraycopy(source, i, out, at, sequence);
        at += sequence;
      } else {
        int codePoint =
            ((source[i] & 0x07) << 18)
                | ((source[i + 1] & 0x3f) << 12)
                | ((source[i + 2] & 0x3f) << 6)
                | (source[i + 3] & 0x3f);
        size = at;
        unicodeEscape(Character.highSurrogate(codePoint));
        unicodeEscape(Character.lowSurrogate(codePoint));
        at = size;
      }
      i += sequence;
    }
    out[at++] = '"';
    size = at;
    return true;
  }

  /** An ASCII character, escaped when JSON needs it; room is ensured by the caller. */
  private void ascii(char c) {
    byte escape = ESCAPES[c];
    if (escape == 0) {
      bytes[size++] = (byte) c;
    } else if (escape == 'u') {
      unicodeEscape(c);
    } else {
      bytes[size++] = '\\';
      bytes[size++] = escape;
    }
  }

  private void unicodeEscape(char c) {
    bytes[size++] = '\\';
    bytes[size++] = 'u';
    bytes[size++] = HEX[(c >> 12) & 0xf];
    bytes[size++] = HEX[(c >> 8) & 0xf];
    bytes[size++] = HEX[(c >> 4) & 0xf];
    bytes[size++] = HEX[c & 0xf];
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
