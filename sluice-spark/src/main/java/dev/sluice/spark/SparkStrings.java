package dev.sluice.spark;

import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Writes Spark's UTF-8 strings into a {@link JsonBuffer} as quoted JSON strings, copied from their
 * bytes without decoding them. A string of an {@link UnsafeRow} or {@link UnsafeArrayData} (what
 * Spark's generated code hands a writer) is read where it lies, without the {@link UTF8String}
 * Spark's getter makes for each value: one object per string field per row was a large share of
 * what writing a row allocated.
 */
final class SparkStrings {
  private SparkStrings() {}

  /** The string at {@code ordinal} of {@code data}, which is known not to be null. */
  static void write(JsonBuffer out, SpecializedGetters data, int ordinal) {
    if (data instanceof UnsafeRow row && row.getBaseObject() instanceof byte[] base) {
      writeInPlace(out, base, row.getBaseOffset(), row.getLong(ordinal), data, ordinal);
    } else if (data instanceof UnsafeArrayData array
        && array.getBaseObject() instanceof byte[] base) {
      writeInPlace(out, base, array.getBaseOffset(), array.getLong(ordinal), data, ordinal);
    } else {
      write(out, data.getUTF8String(ordinal));
    }
  }

  /**
   * Bytes that are not well-formed UTF-8 are written as Spark's {@code toString()} decodes them
   * (with replacement characters), as before.
   */
  static void write(JsonBuffer out, UTF8String text) {
    byte[] bytes;
    int offset;
    if (text.getBaseObject() instanceof byte[] base) {
      bytes = base;
      offset = (int) (text.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET);
    } else { // off-heap: copied out first
      bytes = text.getBytes();
      offset = 0;
    }
    int start = out.size();
    if (!out.writeUtf8(bytes, offset, text.numBytes())) {
      out.truncate(start);
      out.writeString(text.toString());
    }
  }

  /**
   * A variable-length value of Spark's unsafe formats: {@code offsetAndSize} holds its offset from
   * {@code baseOffset} in the high 32 bits and its length in bytes in the low 32.
   */
  private static void writeInPlace(
      JsonBuffer out,
      byte[] base,
      long baseOffset,
      long offsetAndSize,
      SpecializedGetters data,
      int ordinal) {
    int offset = (int) (baseOffset + (offsetAndSize >> 32) - Platform.BYTE_ARRAY_OFFSET);
    int start = out.size();
    if (!out.writeUtf8(base, offset, (int) offsetAndSize)) {
      out.truncate(start);
      out.writeString(data.getUTF8String(ordinal).toString());
    }
  }
}
