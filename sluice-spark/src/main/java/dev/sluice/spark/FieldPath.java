package dev.sluice.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A column reference such as {@code id} or {@code customer.id}, resolved against the schema once,
 * used to read a document's id or routing value from a row.
 */
final class FieldPath implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String name;
  private final int[] ordinals;
  private final int[] structSizes;
  private final DataType leafType;
  private final ZoneId dateZone; // null: dates and timestamps as Spark holds them

  private FieldPath(
      String name, int[] ordinals, int[] structSizes, DataType leafType, ZoneId dateZone) {
    this.name = name;
    this.ordinals = ordinals;
    this.structSizes = structSizes;
    this.leafType = leafType;
    this.dateZone = dateZone;
  }

  /**
   * This column read as an id or routing value is, where elasticsearch-hadoop makes one: a date or
   * timestamp as epoch milliseconds ({@code java.sql.Date#getTime}, midnight in {@code zone}, the
   * driver's JVM time zone; {@code Timestamp#getTime}, sub-millisecond digits dropped), so that a
   * job appending to an index elasticsearch-hadoop filled finds its documents under their ids.
   */
  FieldPath asIdIn(String zone) {
    return new FieldPath(name, ordinals, structSizes, leafType, ZoneId.of(zone));
  }

  /** Resolves {@code name} (dotted for nested structs); throws naming the option and the field. */
  static FieldPath resolve(StructType schema, String name, String option) {
    return resolve(schema, name, option, true);
  }

  /**
   * As {@link #resolve}, for a column of any type (a struct, an array), read by {@link #valueOf}.
   */
  static FieldPath resolveAnyType(StructType schema, String name, String option) {
    return resolve(schema, name, option, false);
  }

  private static FieldPath resolve(
      StructType schema, String name, String option, boolean singleValue) {
    String[] parts = name.split("\\.", -1);
    int[] ordinals = new int[parts.length];
    int[] sizes = new int[parts.length];
    StructType current = schema;
    DataType type = null;
    for (int p = 0; p < parts.length; p++) {
      if (current == null) {
        throw new IllegalArgumentException(
            option
                + "="
                + name
                + ": '"
                + String.join(".", Arrays.copyOf(parts, p))
                + "' is not a struct");
      }
      int ordinal = indexOf(current, parts[p]);
      if (ordinal < 0) {
        throw new IllegalArgumentException(
            option + "=" + name + ": no column '" + parts[p] + "' in " + current.simpleString());
      }
      ordinals[p] = ordinal;
      StructField field = current.fields()[ordinal];
      type = field.dataType();
      current = type instanceof StructType struct ? struct : null;
      sizes[p] = current == null ? 0 : current.size();
    }
    if (singleValue
        && (current != null
            || type instanceof org.apache.spark.sql.types.ArrayType
            || type instanceof org.apache.spark.sql.types.MapType)) {
      throw new IllegalArgumentException(
          option
              + "="
              + name
              + ": the column must hold a single value, not "
              + type.simpleString());
    }
    return new FieldPath(name, ordinals, sizes, type, null);
  }

  /**
   * The value as text, or null when the column (or a struct on its way) is null. Binary values are
   * base64url without padding, so equal bytes give equal text and different bytes different text.
   *
   * @throws RowConversionException when a string is not valid UTF-8: decoding would replace the bad
   *     bytes with U+FFFD, and distinct values would then share one id
   */
  String textOf(InternalRow row) {
    InternalRow current = holder(row);
    int last = ordinals.length - 1;
    if (current == null || current.isNullAt(ordinals[last])) {
      return null;
    }
    if (leafType instanceof BinaryType) {
      return BASE64URL.encodeToString(current.getBinary(ordinals[last]));
    }
    if (leafType instanceof StringType) {
      return strictUtf8(current.getUTF8String(ordinals[last]).getBytes());
    }
    if (leafType instanceof LongType) { // the usual id column: no boxing, no generic getter
      return Long.toString(current.getLong(ordinals[last]));
    }
    if (dateZone != null && leafType instanceof DateType) {
      return Long.toString(
          LocalDate.ofEpochDay(current.getInt(ordinals[last]))
              .atStartOfDay(dateZone)
              .toInstant()
              .toEpochMilli());
    }
    if (dateZone != null && leafType instanceof TimestampType) {
      return Long.toString(Math.floorDiv(current.getLong(ordinals[last]), 1_000L));
    }
    return String.valueOf(current.get(ordinals[last], leafType));
  }

  /** The value in Spark's internal form, or null when it (or a struct on its way) is null. */
  Object valueOf(InternalRow row) {
    InternalRow current = holder(row);
    int last = ordinals.length - 1;
    return current == null || current.isNullAt(ordinals[last])
        ? null
        : current.get(ordinals[last], leafType);
  }

  /** The struct that holds the leaf, or null when a struct on the way is null. */
  private InternalRow holder(InternalRow row) {
    InternalRow current = row;
    for (int p = 0; p < ordinals.length - 1; p++) {
      if (current.isNullAt(ordinals[p])) {
        return null;
      }
      current = current.getStruct(ordinals[p], structSizes[p]);
    }
    return current;
  }

  DataType type() {
    return leafType;
  }

  private String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RowConversionException(name, "the value is not valid UTF-8");
    }
  }

  String name() {
    return name;
  }

  private static int indexOf(StructType struct, String field) {
    StructField[] fields = struct.fields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().equals(field)) {
        return i;
      }
    }
    return -1;
  }
}
