package dev.sluice.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a load's input with Spark. JSON and CSV are read PERMISSIVE with Spark's corrupt-record
 * column: a record that does not parse (or, in CSV, does not fit the schema) keeps its raw text
 * there and never becomes a document; {@link Input#malformed} holds those records with their file.
 * The schema is {@code --schema}, else inferred first (for CSV with {@link CsvSchema}), so a bad
 * value is a malformed record instead of turning its column into text. {@code mode=DROPMALFORMED}
 * is refused: it would drop records silently. {@code mode=FAILFAST} stops at the first one.
 */
final class InputReader {
  static final String CORRUPT = "_corrupt_record";
  static final String FILE = "_sluice_file";

  /**
   * @param good the records to load
   * @param malformed the records that did not parse: columns {@value #CORRUPT} and {@value #FILE},
   *     then the data columns; null when there can be none (parquet, orc, or JSON whose schema
   *     inference read every record and found none malformed)
   */
  record Input(Dataset<Row> good, Dataset<Row> malformed) {}

  private InputReader() {}

  static Input read(SparkSession spark, LoadSettings settings) {
    String[] paths = settings.inputs().toArray(String[]::new);
    for (String input : paths) {
      requireExists(input);
    }
    Map<String, String> options = settings.readOptions();
    String mode = options.getOrDefault("mode", "PERMISSIVE").toUpperCase(Locale.ROOT);
    if (mode.equals("DROPMALFORMED")) {
      throw new UsageException(
          "--read-option mode=DROPMALFORMED would drop malformed records silently; leave it out"
              + " (they are dead-lettered with their file and line) or use mode=FAILFAST.");
    }
    Supplier<DataFrameReader> reader = () -> spark.read().options(options);
    try {
      return switch (settings.format()) {
        case "json", "csv" -> textual(reader, settings, paths, mode);
        default -> {
          DataFrameReader r = reader.get();
          if (settings.schema() != null) {
            r = r.schema(settings.schema());
          }
          yield new Input(r.format(settings.format()).load(paths), null);
        }
      };
    } catch (UsageException e) {
      throw e;
    } catch (Exception e) { // AnalysisException is checked, and Scala throws it undeclared
      throw new UsageException(
          "Cannot read "
              + String.join(", ", paths)
              + " as "
              + settings.format()
              + ": "
              + Failure.firstLine(String.valueOf(e.getMessage()))
              + ". Check --format, --schema and --read-option.",
          e);
    }
  }

  private static Input textual(
      Supplier<DataFrameReader> reader, LoadSettings settings, String[] paths, String mode) {
    boolean csv = settings.format().equals("csv");
    String corrupt = settings.readOptions().getOrDefault("columnNameOfCorruptRecord", CORRUPT);
    Supplier<DataFrameReader> withHeader =
        csv && !settings.readOptions().containsKey("header")
            ? () -> reader.get().option("header", "true")
            : reader;
    StructType schema;
    if (settings.schema() != null) {
      schema = StructType.fromDDL(settings.schema());
    } else if (csv) {
      schema = CsvSchema.infer(withHeader, paths);
    } else {
      schema = withHeader.get().json(paths).schema();
    }
    boolean inferredClean =
        !csv
            && settings.schema() == null
            && !settings.readOptions().containsKey("samplingRatio")
            && !Arrays.asList(schema.fieldNames()).contains(corrupt);
    if (!inferredClean) {
      schema = dropField(schema, corrupt);
    }
    if (schema.fields().length == 0) {
      throw new UsageException(
          "No record of "
              + String.join(", ", paths)
              + " parses as "
              + settings.format()
              + ": check --format and --read-option.");
    }
    Dataset<Row> all =
        withHeader
            .get()
            .schema(schema.add(corrupt, DataTypes.StringType, true))
            .option("mode", mode)
            .option("columnNameOfCorruptRecord", corrupt)
            .format(settings.format())
            .load(paths);
    // Every column is read, as for the load: a CSV parser that skips a column (Spark prunes them)
    // cannot see that its value is bad, and the corrupt column alone may not be read at all.
    List<Column> columns = new ArrayList<>();
    columns.add(col(corrupt).as(CORRUPT));
    columns.add(input_file_name().as(FILE));
    for (String name : schema.fieldNames()) {
      columns.add(col("`" + name.replace("`", "``") + "`"));
    }
    Dataset<Row> malformed =
        all.filter(col(corrupt).isNotNull()).select(columns.toArray(Column[]::new));
    Dataset<Row> good = all.filter(col(corrupt).isNull()).drop(corrupt);
    // Inference read every JSON record: when none was malformed, a pass to find them finds none.
    return new Input(good, inferredClean ? null : malformed);
  }

  private static StructType dropField(StructType schema, String name) {
    StructType kept = new StructType();
    for (var field : schema.fields()) {
      if (!field.name().equals(name)) {
        kept = kept.add(field);
      }
    }
    return kept;
  }

  /** A local path that does not exist is a usage error; URIs and globs are Spark's to check. */
  private static void requireExists(String input) {
    boolean uri = input.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
    boolean glob = input.matches(".*[*?\\[{].*");
    if (!uri && !glob && !Files.exists(Path.of(input))) {
      throw new UsageException("Input " + input + " does not exist: check --input.");
    }
  }
}
