package dev.sluice.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * Turns a Spark {@link InternalRow} into the JSON bytes of one Elasticsearch document. The per-type
 * writers are resolved once from the schema, so writing a row does no type dispatch by name.
 *
 * <p>Null fields are left out, as elasticsearch-hadoop does by default. Values JSON cannot carry
 * (NaN, infinities, maps with null keys) throw {@link RowConversionException} naming the field, so
 * the caller can dead-letter that one row and go on.
 */
final class RowJsonWriter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();

  private final StructType schema;
  private transient RowWriter rowWriter;
  private transient RowWriter lenientWriter;

  /** Resolves the writers now, so an unsupported type fails on the driver, naming the field. */
  RowJsonWriter(StructType schema) {
    this.schema = schema;
    this.rowWriter = structWriter(schema, "", true);
  }

  byte[] toJson(InternalRow row) {
    if (rowWriter == null) { // after deserialisation on an executor
      rowWriter = structWriter(schema, "", true);
    }
    return write(rowWriter, row);
  }

  /**
   * The row as faithfully as JSON allows, for the dead-letter store when {@link #toJson} refused
   * it: non-finite numbers are written as strings ("NaN") so that nothing of the row is lost.
   */
  byte[] toLenientJson(InternalRow row) {
    if (lenientWriter == null) {
      lenientWriter = structWriter(schema, "", false);
    }
    return write(lenientWriter, row);
  }

  private static byte[] write(RowWriter writer, InternalRow row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      writer.write(generator, row);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a row as JSON", e);
    }
    return out.toByteArray();
  }

  @FunctionalInterface
  private interface RowWriter {
    void write(JsonGenerator out, InternalRow row) throws IOException;
  }

  /** Writes the value at {@code ordinal} of {@code data}, which is known not to be null. */
  @FunctionalInterface
  private interface ValueWriter {
    void write(JsonGenerator out, SpecializedGetters data, int ordinal) throws IOException;
  }

  private static ValueWriter writerFor(DataType type, String path, boolean strict) {
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
      // Jackson writes non-finite numbers as quoted strings, which is what the lenient form wants.
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
      return (out, data, i) -> out.writeString(LocalDate.ofEpochDay(data.getInt(i)).toString());
    } else if (type instanceof TimestampType) {
      return (out, data, i) -> out.writeString(instantOfMicros(data.getLong(i)).toString());
    } else if (type instanceof TimestampNTZType) {
      return (out, data, i) ->
          out.writeString(
              LocalDateTime.ofInstant(instantOfMicros(data.getLong(i)), ZoneOffset.UTC).toString());
    } else if (type instanceof StructType struct) {
      RowWriter fields = structWriter(struct, path, strict);
      int size = struct.size();
      return (out, data, i) -> fields.write(out, data.getStruct(i, size));
    } else if (type instanceof ArrayType array) {
      return arrayWriter(array, path, strict);
    } else if (type instanceof MapType map) {
      return mapWriter(map, path, strict);
    } else if (type instanceof NullType) {
      return (out, data, i) -> out.writeNull();
    }
    throw new UnsupportedSchemaException(
        "field '" + path + "' has type " + type.simpleString() + ", which Sluice cannot write");
  }

  private static RowWriter structWriter(StructType struct, String parent, boolean strict) {
    StructField[] fields = struct.fields();
    String[] names = new String[fields.length];
    ValueWriter[] writers = new ValueWriter[fields.length];
    for (int f = 0; f < fields.length; f++) {
      names[f] = fields[f].name();
      writers[f] = writerFor(fields[f].dataType(), join(parent, names[f]), strict);
    }
    return (out, row) -> {
      out.writeStartObject();
      for (int f = 0; f < writers.length; f++) {
        if (!row.isNullAt(f)) {
          out.writeFieldName(names[f]);
          writers[f].write(out, row, f);
        }
      }
      out.writeEndObject();
    };
  }

  private static ValueWriter arrayWriter(ArrayType type, String path, boolean strict) {
    ValueWriter element = writerFor(type.elementType(), path + "[]", strict);
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

  private static ValueWriter mapWriter(MapType type, String path, boolean strict) {
    ValueWriter value = writerFor(type.valueType(), path + "{}", strict);
    DataType keyType = type.keyType();
    return (out, data, i) -> {
      MapData map = data.getMap(i);
      ArrayData keys = map.keyArray();
      ArrayData values = map.valueArray();
      out.writeStartObject();
      for (int e = 0; e < map.numElements(); e++) {
        out.writeFieldName(String.valueOf(keys.get(e, keyType)));
        if (values.isNullAt(e)) {
          out.writeNull();
        } else {
          value.write(out, values, e);
        }
      }
      out.writeEndObject();
    };
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

  private static Instant instantOfMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
