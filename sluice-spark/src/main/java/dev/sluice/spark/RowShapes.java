package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a write's {@link RowShape} on the driver, before any task: reads the row options ({@code
 * es.mapping.include|exclude}, {@code es.spark.dataframe.write.null}, {@code sluice.write.dates}),
 * refuses the combinations elasticsearch-hadoop refuses, and, when the rows have timestamp or date
 * columns, reads the target's mapping once to learn how each is written.
 */
final class RowShapes {
  private static final Logger LOG = LoggerFactory.getLogger(RowShapes.class);

  private RowShapes() {}

  /** One row option's value, parsed by its key (the options were validated once already). */
  static <T> T option(Map<String, String> options, ConfigKey<T> key) {
    for (Map.Entry<String, String> option : options.entrySet()) {
      if (option.getKey().trim().toLowerCase(Locale.ROOT).equals(key.name())
          && option.getValue() != null) {
        return key.parse(option.getValue());
      }
    }
    return key.parseDefault();
  }

  /**
   * @param mappings reads the target's mapping; called at most once, only when a column holds
   *     timestamps or dates
   * @throws ConfigException naming the option when it cannot be honoured with the others
   */
  static RowShape resolve(
      Map<String, String> options,
      StructType schema,
      SluiceConfig engine,
      Function<SluiceConfig, IndexMapping> mappings) {
    FieldFilter filter =
        FieldFilter.of(
            option(options, ConfigKeys.MAPPING_INCLUDE),
            option(options, ConfigKeys.MAPPING_EXCLUDE));
    boolean inputJson = option(options, ConfigKeys.INPUT_JSON);
    refuseIncoherent(filter, inputJson, engine.defaultOp());
    if (inputJson) {
      return RowShape.DEFAULT;
    }
    if (!filter.isEmpty()) {
      refuseDynamicPaths(schema, "");
      warnUnmatched(filter, schema);
    }
    DateOutput newDates =
        option(options, ConfigKeys.WRITE_DATES).equals("epoch_millis")
            ? DateOutput.EPOCH_MILLIS
            : DateOutput.ISO;
    IndexMapping mapping =
        engine.defaultOp() != OpType.DELETE && DateColumns.any(schema)
            ? mappings.apply(engine)
            : IndexMapping.missing();
    return new RowShape(
        filter,
        option(options, ConfigKeys.WRITE_NULL),
        DateColumns.outputs(schema, mapping, newDates),
        newDates,
        TimeZone.getDefault().toZoneId().getId());
  }

  /**
   * The target's mapping; an index name pattern ({@code {field}}) names no one index yet, so its
   * fields are all new.
   */
  static IndexMapping readTarget(SluiceConfig engine) {
    String index = engine.defaultIndex();
    return namesOneIndex(index) ? IndexMapping.read(engine, index) : IndexMapping.missing();
  }

  static boolean namesOneIndex(String index) {
    return index != null && index.indexOf('{') < 0;
  }

  /** elasticsearch-hadoop refuses these too: the option would be ignored. */
  private static void refuseIncoherent(FieldFilter filter, boolean inputJson, OpType op) {
    String filterOption =
        filter.includes().isEmpty()
            ? ConfigKeys.MAPPING_EXCLUDE.name()
            : ConfigKeys.MAPPING_INCLUDE.name();
    String json = ConfigKeys.INPUT_JSON.name();
    if (inputJson && !filter.isEmpty()) {
      throw new ConfigException(
          filterOption,
          filterOption + " cannot choose fields of documents given as JSON (" + json + "=true)");
    }
    if (op == OpType.DELETE && (inputJson || !filter.isEmpty())) {
      String option = inputJson ? json : filterOption;
      throw new ConfigException(
          option,
          option
              + " has no effect with "
              + ConfigKeys.WRITE_OPERATION.name()
              + "=delete, which sends no document body; remove it");
    }
  }

  /**
   * Fields inside map values are named only per row; the filter judges a map's keys, but not what
   * lies below them.
   */
  private static void refuseDynamicPaths(DataType type, String path) {
    if (type instanceof StructType struct) {
      for (StructField field : struct.fields()) {
        refuseDynamicPaths(
            field.dataType(), path.isEmpty() ? field.name() : path + "." + field.name());
      }
    } else if (type instanceof ArrayType array) {
      refuseDynamicPaths(array.elementType(), path);
    } else if (type instanceof MapType map) {
      DataType value = map.valueType();
      while (value instanceof ArrayType array) {
        value = array.elementType();
      }
      if (value instanceof StructType || value instanceof MapType) {
        throw new ConfigException(
            ConfigKeys.MAPPING_INCLUDE.name(),
            "column '"
                + path
                + "' is a map of "
                + map.valueType().simpleString()
                + ": "
                + ConfigKeys.MAPPING_INCLUDE.name()
                + " and "
                + ConfigKeys.MAPPING_EXCLUDE.name()
                + " judge a map's keys but not the fields inside its values; drop the filter or"
                + " turn the map into a struct");
      }
    }
  }

  /**
   * elasticsearch-hadoop writes nothing different for a filter that names no field (an include list
   * matching nothing gives empty documents); say so once, on the driver.
   */
  private static void warnUnmatched(FieldFilter filter, StructType schema) {
    List<String> paths = new ArrayList<>();
    collectPaths(schema, "", paths);
    for (String pattern : concat(filter.includes(), filter.excludes())) {
      boolean matched = false;
      for (String path : paths) {
        // A map's keys are known per row: any path below a map column may match.
        matched |=
            path.endsWith(".") ? pattern.startsWith(path) : FieldFilter.matches(pattern, path);
      }
      if (!matched) {
        LOG.warn(
            "Field filter '{}' ({} / {}) names no column of the DataFrame",
            pattern,
            ConfigKeys.MAPPING_INCLUDE.name(),
            ConfigKeys.MAPPING_EXCLUDE.name());
      }
    }
  }

  /** Every field's dotted path; a map column's path ends with a dot. */
  private static void collectPaths(StructType struct, String parent, List<String> into) {
    for (StructField field : struct.fields()) {
      String path = parent.isEmpty() ? field.name() : parent + "." + field.name();
      into.add(path);
      DataType type = field.dataType();
      while (type instanceof ArrayType array) {
        type = array.elementType();
      }
      if (type instanceof StructType nested) {
        collectPaths(nested, path, into);
      } else if (type instanceof MapType) {
        into.add(path + ".");
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
