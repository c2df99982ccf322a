package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
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
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level writers ({@link JsonBuffer}, {@link IsoText}) against the Jackson writers they
 * replace ({@link JacksonRowWriters}), on random rows of every type Sluice writes: the bytes must
 * be the same, since content-hash ids are digests of them.
 */
class JsonBufferEquivalenceTest {
  private static final StructType INNER =
      new StructType()
          .add("n", DataTypes.LongType)
          .add("s\u00e9 \"q\"", DataTypes.StringType)
          .add("d", DataTypes.DoubleType);

  private static final StructType SCHEMA =
      new StructType()
          .add("string", DataTypes.StringType)
          .add("bool", DataTypes.BooleanType)
          .add("byte", DataTypes.ByteType)
          .add("short", DataTypes.ShortType)
          .add("int", DataTypes.IntegerType)
          .add("long", DataTypes.LongType)
          .add("float", DataTypes.FloatType)
          .add("double", DataTypes.DoubleType)
          .add("small_decimal", DataTypes.createDecimalType(10, 2))
          .add("big_decimal", DataTypes.createDecimalType(38, 10))
          .add("binary", DataTypes.BinaryType)
          .add("date", DataTypes.DateType)
          .add("timestamp", DataTypes.TimestampType)
          .add("ntz", DataTypes.TimestampNTZType)
          .add("nothing", DataTypes.NullType)
          .add("inner", INNER)
          .add("strings", DataTypes.createArrayType(DataTypes.StringType))
          .add("structs", DataTypes.createArrayType(INNER))
          .add("dates", DataTypes.createArrayType(DataTypes.DateType))
          .add("by_name", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
          .add("by_number", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.StringType))
          .add("we\u0001ird\ud83d\ude00", DataTypes.StringType);

  private static final List<RowShape> SHAPES =
      List.of(
          RowShape.DEFAULT,
          new RowShape(FieldFilter.ALL, true, Map.of(), DateOutput.ISO, "UTC"),
          new RowShape(
              FieldFilter.of("inner.*,string,by_name.*,strings", ""),
              false,
              Map.of("date", DateOutput.EPOCH_MILLIS, "dates", DateOutput.EPOCH_SECOND),
              DateOutput.EPOCH_MILLIS,
              "Europe/Paris"),
          new RowShape(
              FieldFilter.of("", "inner.d,by_name.k*"),
              true,
              Map.of("timestamp", DateOutput.pattern("yyyy/MM/dd HH:mm:ss.SSS '\u00e9\"'")),
              DateOutput.EPOCH_SECOND,
              "America/New_York"));

  @ParameterizedTest(name = "shape {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void randomRowsOfEveryTypeGiveTheBytesJacksonGave(int shapeIndex) {
    RowShape shape = SHAPES.get(shapeIndex);
    Random random = new Random(20261130L + shapeIndex);
    RowJsonWriter writer = new RowJsonWriter(SCHEMA, shape);
    UnsafeProjection unsafe = UnsafeProjection.create(SCHEMA);
    JsonBuffer reused = new JsonBuffer(16);
    for (int r = 0; r < 1000; r++) {
      InternalRow generic = (InternalRow) randomValue(SCHEMA, random, 0);
      // Strings inside an UnsafeRow sit at an offset of the row's bytes: both forms are written.
      for (InternalRow row : List.of(generic, unsafe.apply(generic).copy())) {
        assertSameBytes(shape, writer, row, reused);
      }
    }
  }

  private static void assertSameBytes(
      RowShape shape, RowJsonWriter writer, InternalRow row, JsonBuffer reused) {
    Object expected = jackson(shape, true, row);
    reused.reset();
    Object actual;
    try {
      writer.write(reused, row);
      // The engine trusts that bodies written from columns need no making into one line.
      assertThat(reused.toByteArray()).doesNotContain((byte) '\n', (byte) '\r');
      actual = text(reused.toByteArray());
    } catch (RowConversionException e) {
      actual = e.getMessage();
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(text(writer.toLenientJson(row))).isEqualTo(jackson(shape, false, row));
  }

  private static Object jackson(RowShape shape, boolean strict, InternalRow row) {
    Throwable refused = catchThrowable(() -> JacksonRowWriters.toJson(shape, strict, SCHEMA, row));
    if (refused instanceof RowConversionException) {
      return refused.getMessage();
    }
    return text(JacksonRowWriters.toJson(shape, strict, SCHEMA, row));
  }

  /** Latin-1, so that every byte shows, malformed UTF-8 too. */
  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void writesIsoDatesAndInstantsAsJavaTimePrintsThem() {
    Random random = new Random(7);
    JsonBuffer out = new JsonBuffer(8);
    for (int i = 0; i < 200_000; i++) {
      long micros = randomMicros(random);
      out.reset();
      IsoText.writeInstant(out, micros);
      assertThat(text(out.toByteArray()))
          .isEqualTo('"' + DateOutput.instantOfMicros(micros).toString() + '"');
      int day = (int) Math.floorDiv(micros, 86_400_000_000L);
      out.reset();
      IsoText.writeDate(out, day);
      assertThat(text(out.toByteArray()))
          .isEqualTo('"' + LocalDate.ofEpochDay(day).toString() + '"');
    }
  }

  @Test
  void writesTheEdgesOfTheFastPathAsJavaTimePrintsThem() {
    JsonBuffer out = new JsonBuffer(8);
    for (String at :
        List.of(
            "0000-01-01T00:00:00Z",
            "0000-02-29T12:00:00Z",
            "0000-03-01T00:00:00Z",
            "-0001-12-31T23:59:59.999999Z",
            "1969-12-31T23:59:59.999Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59.000001Z",
            "2100-03-01T00:00:00.010Z",
            "9999-12-31T23:59:59.999999Z",
            "+10000-01-01T00:00:00Z")) {
      Instant instant = Instant.parse(at);
      long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
      out.reset();
      IsoText.writeInstant(out, micros);
      assertThat(text(out.toByteArray())).isEqualTo('"' + instant.toString() + '"');
    }
  }

  @Test
  void writesLongsAsLongToStringDoes() {
    JsonBuffer out = new JsonBuffer(1);
    Random random = new Random(3);
    for (long value :
        new long[] {0, -1, 9, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
      out.reset();
      out.writeNumber(value);
      assertThat(text(out.toByteArray())).isEqualTo(Long.toString(value));
    }
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      out.reset();
      out.writeNumber(value);
      assertThat(text(out.toByteArray())).isEqualTo(Long.toString(value));
    }
  }

  private static long randomMicros(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextLong() >> random.nextInt(20); // any year, signed or beyond 9999
      case 1 -> (long) (random.nextDouble() * 253_402_300_800_000_000L); // 1970 to 9999
      case 2 -> -(long) (random.nextDouble() * 62_167_219_200_000_000L); // year 0 to 1970
      default -> (random.nextLong() % 4_000_000_000_000_000L) / 1000 * 1000; // milliseconds
    };
  }

  private static Object randomValue(DataType type, Random random, int depth) {
    if (type instanceof StructType struct) {
      Object[] values = new Object[struct.size()];
      StructField[] fields = struct.fields();
      for (int f = 0; f < fields.length; f++) {
        values[f] =
            random.nextInt(8) == 0 ? null : randomValue(fields[f].dataType(), random, depth + 1);
      }
      return new GenericInternalRow(values);
    } else if (type instanceof StringType) {
      return randomString(random);
    } else if (type instanceof BooleanType) {
      return random.nextBoolean();
    } else if (type instanceof ByteType) {
      return (byte) random.nextInt();
    } else if (type instanceof ShortType) {
      return (short) random.nextInt();
    } else if (type instanceof IntegerType) {
      return random.nextInt() >> random.nextInt(32);
    } else if (type instanceof LongType) {
      return random.nextLong() >> random.nextInt(64);
    } else if (type instanceof FloatType) {
      return (float) randomDouble(random);
    } else if (type instanceof DoubleType) {
      return randomDouble(random);
    } else if (type instanceof DecimalType decimal) {
      BigInteger unscaled =
          new BigInteger(random.nextInt(decimal.precision() * 3) + 1, random)
              .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
      return Decimal.apply(
          new BigDecimal(unscaled, decimal.scale()), decimal.precision(), decimal.scale());
    } else if (type instanceof BinaryType) {
      byte[] bytes = new byte[random.nextInt(12)];
      random.nextBytes(bytes);
      return bytes;
    } else if (type instanceof DateType) {
      return (int) Math.floorDiv(randomMicros(random), 86_400_000_000L);
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return randomMicros(random) >> (random.nextBoolean() ? 8 : 0);
    } else if (type instanceof NullType) {
      return null;
    } else if (type instanceof ArrayType array) {
      Object[] elements = new Object[random.nextInt(4)];
      for (int e = 0; e < elements.length; e++) {
        elements[e] =
            random.nextInt(6) == 0 ? null : randomValue(array.elementType(), random, depth + 1);
      }
      return new GenericArrayData(elements);
    } else if (type instanceof MapType map) {
      int size = random.nextInt(4);
      Object[] keys = new Object[size];
      Object[] values = new Object[size];
      for (int e = 0; e < size; e++) {
        keys[e] =
            map.keyType() instanceof StringType
                ? UTF8String.fromString((random.nextBoolean() ? "k" : "x") + e + randomText(random))
                : e * 1000 + random.nextInt(1000);
        values[e] = random.nextInt(5) == 0 ? null : randomValue(map.valueType(), random, depth);
      }
      return ArrayBasedMapData.apply(keys, values);
    }
    throw new IllegalArgumentException(type.simpleString());
  }

  private static double randomDouble(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> Double.NaN;
      case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 2 -> random.nextBoolean() ? 0.0 : -0.0;
      case 3 -> Double.longBitsToDouble(random.nextLong());
      case 4 -> Math.round(random.nextDouble() * 200_000) / 100.0;
      default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
    };
  }

  /** Mostly plain text; sometimes escapes, other scripts, emoji, or bytes that are no UTF-8. */
  private static UTF8String randomString(Random random) {
    if (random.nextInt(10) == 0) {
      byte[] bytes = new byte[random.nextInt(12)];
      random.nextBytes(bytes);
      return UTF8String.fromBytes(bytes);
    }
    return UTF8String.fromString(randomText(random));
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(3) == 0 ? random.nextInt(300) : random.nextInt(20);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(12)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append("\"\\/\u007f".charAt(random.nextInt(4)));
        case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
        case 3 -> text.append((char) (0x800 + random.nextInt(0xd000)));
        case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 5 -> text.append((char) (0xe000 + random.nextInt(0x2000)));
        default -> text.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return text.toString();
  }
}
