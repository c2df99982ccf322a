package dev.sluice.spark;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Builds the per-type writers of {@link RowJsonWriter} for one {@link RowShape}, once per schema;
 * {@code strict} refuses non-finite numbers, the lenient form writes them as strings. A path is
 * dotted with {@code []} for array elements and {@code {}} for map values; the mapping and the
 * field filter see it without {@code []}, as arrays are transparent in a mapping.
 */
record RowWriters(RowShape shape, boolean strict) {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  @FunctionalInterface
  interface RowWriter {
    void write(JsonBuffer out, InternalRow row);
  }

  /** Writes the value at {@code ordinal} of {@code data}, which is known not to be null. */
  @FunctionalInterface
  interface ValueWriter {
    void write(JsonBuffer out, SpecializedGetters data, int ordinal);
  }

  ValueWriter value(DataType type, String path) {
    if (type instanceof StringType) {
      return (out, data, i) -> SparkStrings.write(out, data, i);
    } else if (type instanceof BooleanType) {
      return (out, data, i) -> out.write(data.getBoolean(i) ? TRUE : FALSE);
    } else if (type instanceof ByteType) {
      return (out, data, i) -> out.writeNumber(data.getByte(i));
    } else if (type instanceof ShortType) {
      return (out, data, i) -> out.writeNumber(data.getShort(i));
    } else if (type instanceof IntegerType) {
      return (out, data, i) -> out.writeNumber(data.getInt(i));
    } else if (type instanceof LongType) {
      return (out, data, i) -> out.writeNumber(data.getLong(i));
    } else if (type instanceof FloatType) {
      // Non-finite numbers are quoted strings (as Jackson writes them), as the lenient form wants.
      return strict
          ? (out, data, i) -> out.writeFloat(finite(data.getFloat(i), path))
          : (out, data, i) -> writeLenient(out, Float.toString(data.getFloat(i)));
    } else if (type instanceof DoubleType) {
      return strict
          ? (out, data, i) -> out.writeDouble(finite(data.getDouble(i), path))
          : (out, data, i) -> writeLenient(out, Double.toString(data.getDouble(i)));
    } else if (type instanceof DecimalType decimal) {
      int precision = decimal.precision();
      int scale = decimal.scale();
      return (out, data, i) ->
          out.writeAscii(data.getDecimal(i, precision, scale).toJavaBigDecimal().toString());
    } else if (type instanceof BinaryType) {
      return (out, data, i) -> {
        out.write((byte) '"');
        out.write(Base64.getEncoder().encode(data.getBinary(i)));
        out.write((byte) '"');
      };
    } else if (type instanceof DateType) {
      DateOutput.Writer dates = shape.dateAt(unindexed(path)).dates(shape.zoneId());
      return (out, data, i) -> dates.write(out, data.getInt(i));
    } else if (type instanceof TimestampType) {
      DateOutput.Writer timestamps = shape.dateAt(unindexed(path)).timestamps();
      return (out, data, i) -> timestamps.write(out, data.getLong(i));
    } else if (type instanceof TimestampNTZType) {
      return (out, data, i) ->
          out.writeString(
              LocalDateTime.ofInstant(DateOutput.instantOfMicros(data.getLong(i)), ZoneOffset.UTC)
                  .toString());
    } else if (type instanceof StructType struct) {
      RowWriter fields = struct(struct, path);
      int size = struct.size();
      return (out, data, i) -> fields.write(out, data.getStruct(i, size));
    } else if (type instanceof ArrayType array) {
      return array(array, path);
    } else if (type instanceof MapType map) {
      return map(map, path);
    } else if (type instanceof NullType) {
      return (out, data, i) -> out.write(NULL);
    }
    throw new UnsupportedSchemaException(
        "field '" + path + "' has type " + type.simpleString() + ", which Sluice cannot write");
  }

  /** Writes the fields the filter keeps; a null one as JSON null when the shape says so. */
  RowWriter struct(StructType struct, String parent) {
    StructField[] fields = struct.fields();
    int[] kept = new int[fields.length];
    int count = 0;
    for (int f = 0; f < fields.length; f++) {
      if (shape.filter().keeps(unindexed(join(parent, fields[f].name())))) {
        kept[count++] = f;
      }
    }
    int[] ordinals = Arrays.copyOf(kept, count);
    // Each name with the comma before it (,"name":), so that a field is one write, not two; the
    // first field written skips the comma.
    byte[][] names = new byte[count][];
    ValueWriter[] writers = new ValueWriter[count];
    for (int k = 0; k < count; k++) {
      String name = fields[ordinals[k]].name();
      byte[] fieldName = JsonNames.fieldName(name);
      names[k] = new byte[fieldName.length + 1];
      names[k][0] = ',';
      System.arraycopy(fieldName, 0, names[k], 1, fieldName.length);
      writers[k] = value(fields[ordinals[k]].dataType(), join(parent, name));
    }
    boolean writeNull = shape.writeNull();
    return (out, row) -> {
      out.write((byte) '{');
      int from = 1;
      for (int k = 0; k < writers.length; k++) {
        if (!row.isNullAt(ordinals[k])) {
          out.write(names[k], from);
          from = 0;
          writers[k].write(out, row, ordinals[k]);
        } else if (writeNull) {
          out.write(names[k], from);
          from = 0;
          out.write(NULL);
        }
      }
      out.write((byte) '}');
    };
  }

  ValueWriter array(ArrayType type, String path) {
    ValueWriter element = value(type.elementType(), path + "[]");
    return (out, data, i) -> {
      ArrayData array = data.getArray(i);
      out.write((byte) '[');
      for (int e = 0; e < array.numElements(); e++) {
        if (e > 0) {
          out.write((byte) ',');
        }
        if (array.isNullAt(e)) {
          out.write(NULL);
        } else {
          element.write(out, array, e);
        }
      }
      out.write((byte) ']');
    };
  }

  /** Keys are known only per row, so the filter judges them as they come. */
  ValueWriter map(MapType type, String path) {
    ValueWriter value = value(type.valueType(), path + "{}");
    DataType keyType = type.keyType();
    FieldFilter filter = shape.filter();
    String keyPrefix = unindexed(path) + ".";
    boolean everyKey = filter.isEmpty();
    return (out, data, i) -> {
      MapData map = data.getMap(i);
      ArrayData keys = map.keyArray();
      ArrayData values = map.valueArray();
      out.write((byte) '{');
      boolean first = true;
      for (int e = 0; e < map.numElements(); e++) {
        String key = String.valueOf(keys.get(e, keyType));
        if (!everyKey && !filter.keeps(keyPrefix + key)) {
          continue;
        }
        first = separate(out, first);
        out.writeString(key);
        out.write((byte) ':');
        if (values.isNullAt(e)) {
          out.write(NULL);
        } else {
          value.write(out, values, e);
        }
      }
      out.write((byte) '}');
    };
  }

  /** A comma unless {@code first}; returns false, as nothing after it is first. */
  private static boolean separate(JsonBuffer out, boolean first) {
    if (!first) {
      out.write((byte) ',');
    }
    return false;
  }

  /** Jackson writes non-finite numbers as quoted strings ("NaN"), finite ones as they are. */
  private static void writeLenient(JsonBuffer out, String number) {
    char last = number.charAt(number.length() - 1);
    if (last == 'N' || last == 'y') {
      out.writeString(number);
    } else {
      out.writeAscii(number);
    }
  }

  /** The path as the mapping and the field filter name it: arrays add nothing. */
  private static String unindexed(String path) {
    return path.replace("[]", "");
  }

  private static double finite(double value, String path) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new RowConversionException(path, value + " cannot be written as JSON");
    }
    return value;
  }

  private static float finite(float value, String path) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      throw new RowConversionException(path, value + " cannot be written as JSON");
    }
    return value;
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
