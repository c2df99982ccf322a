package dev.sluice.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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
 * The row writers as they were before {@link JsonBuffer}, on Jackson's generator: the reference the
 * byte-level writers must match byte for byte (content-hash ids depend on it). Builds the per-type
 * writers for one {@link RowShape}, once per schema; {@code strict} refuses non-finite numbers, the
 * lenient form writes them as strings. A path is dotted with {@code []} for array elements and
 * {@code {}} for map values; the mapping and the field filter see it without {@code []}, as arrays
 * are transparent in a mapping.
 */
record JacksonRowWriters(RowShape shape, boolean strict) {
  @FunctionalInterface
  interface RowWriter {
    void write(JsonGenerator out, InternalRow row) throws IOException;
  }

  /** Writes the value at {@code ordinal} of {@code data}, which is known not to be null. */
  @FunctionalInterface
  interface ValueWriter {
    void write(JsonGenerator out, SpecializedGetters data, int ordinal) throws IOException;
  }

  ValueWriter value(DataType type, String path) {
    if (type instanceof StringType) {
      return (out, data, i) -> out.writeString(data.getUTF8String(i).toString());
    } else if (type instanceof BooleanType) {
      return (out, data, i) -> out.writeBoolean(data.getBoolean(i));
    } else if (type instanceof ByteType) {
      return (out, data, i) -> out.writeNumber(data.getByte(i));
    } else if (type instanceof ShortType) {
      return (out, data, i) -> out.writeNumber(data.getShort(i));
    } else if (type instanceof IntegerType) {
      return (out, data, i) -> out.writeNumber(data.getInt(i));
    } else if (type instanceof LongType) {
      return (out, data, i) -> out.writeNumber(data.getLong(i));
    } else if (type instanceof FloatType) {
      // Jackson writes non-finite numbers as quoted strings, which the lenient form wants.
      return strict
          ? (out, data, i) -> out.writeNumber(finite(data.getFloat(i), path))
          : (out, data, i) -> out.writeNumber(data.getFloat(i));
    } else if (type instanceof DoubleType) {
      return strict
          ? (out, data, i) -> out.writeNumber(finite(data.getDouble(i), path))
          : (out, data, i) -> out.writeNumber(data.getDouble(i));
    } else if (type instanceof DecimalType decimal) {
      int precision = decimal.precision();
      int scale = decimal.scale();
      return (out, data, i) ->
          out.writeNumber(data.getDecimal(i, precision, scale).toJavaBigDecimal());
    } else if (type instanceof BinaryType) {
      return (out, data, i) ->
          out.writeString(Base64.getEncoder().encodeToString(data.getBinary(i)));
    } else if (type instanceof DateType) {
      DateOutput output = shape.dateAt(unindexed(path));
      java.time.ZoneId zone = shape.zoneId();
      return (out, data, i) -> {
        long days = data.getInt(i);
        switch (output.kind()) {
          case ISO -> out.writeString(java.time.LocalDate.ofEpochDay(days).toString());
          case EPOCH_MILLIS -> out.writeNumber(millisOfDate(days, zone));
          case EPOCH_SECOND -> out.writeNumber(Math.floorDiv(millisOfDate(days, zone), 1_000L));
          case PATTERN ->
              out.writeString(
                  formatter(output.pattern())
                      .format(java.time.LocalDate.ofEpochDay(days).atStartOfDay(ZoneOffset.UTC)));
        }
      };
    } else if (type instanceof TimestampType) {
      DateOutput output = shape.dateAt(unindexed(path));
      return (out, data, i) -> {
        long micros = data.getLong(i);
        switch (output.kind()) {
          case ISO -> out.writeString(DateOutput.instantOfMicros(micros).toString());
          case EPOCH_MILLIS -> out.writeNumber(Math.floorDiv(micros, 1_000L));
          case EPOCH_SECOND -> out.writeNumber(Math.floorDiv(micros, 1_000_000L));
          case PATTERN ->
              out.writeString(
                  formatter(output.pattern()).format(DateOutput.instantOfMicros(micros)));
        }
      };
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
      return (out, data, i) -> out.writeNull();
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
    String[] names = new String[count];
    ValueWriter[] writers = new ValueWriter[count];
    for (int k = 0; k < count; k++) {
      names[k] = fields[ordinals[k]].name();
      writers[k] = value(fields[ordinals[k]].dataType(), join(parent, names[k]));
    }
    boolean writeNull = shape.writeNull();
    return (out, row) -> {
      out.writeStartObject();
      for (int k = 0; k < writers.length; k++) {
        if (!row.isNullAt(ordinals[k])) {
          out.writeFieldName(names[k]);
          writers[k].write(out, row, ordinals[k]);
        } else if (writeNull) {
          out.writeFieldName(names[k]);
          out.writeNull();
        }
      }
      out.writeEndObject();
    };
  }

  ValueWriter array(ArrayType type, String path) {
    ValueWriter element = value(type.elementType(), path + "[]");
    return (out, data, i) -> {
      ArrayData array = data.getArray(i);
      out.writeStartArray();
      for (int e = 0; e < array.numElements(); e++) {
        if (array.isNullAt(e)) {
          out.writeNull();
        } else {
          element.write(out, array, e);
        }
      }
      out.writeEndArray();
    };
  }

  /** Keys are known only per row, so the filter judges them as they come. */
  ValueWriter map(MapType type, String path) {
    ValueWriter value = value(type.valueType(), path + "{}");
    DataType keyType = type.keyType();
    FieldFilter filter = shape.filter();
    String keyPrefix = unindexed(path) + ".";
    return (out, data, i) -> {
      MapData map = data.getMap(i);
      ArrayData keys = map.keyArray();
      ArrayData values = map.valueArray();
      out.writeStartObject();
      for (int e = 0; e < map.numElements(); e++) {
        String key = String.valueOf(keys.get(e, keyType));
        if (!filter.keeps(keyPrefix + key)) {
          continue;
        }
        out.writeFieldName(key);
        if (values.isNullAt(e)) {
          out.writeNull();
        } else {
          value.write(out, values, e);
        }
      }
      out.writeEndObject();
    };
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

  private static long millisOfDate(long days, java.time.ZoneId zone) {
    return java.time.LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static java.time.format.DateTimeFormatter formatter(String pattern) {
    return java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT)
        .withZone(ZoneOffset.UTC);
  }

  /** The row's JSON as the Jackson writers wrote it. */
  static byte[] toJson(RowShape shape, boolean strict, StructType schema, InternalRow row) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (JsonGenerator generator =
        new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      new JacksonRowWriters(shape, strict).struct(schema, "").write(generator, row);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
