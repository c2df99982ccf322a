package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ActionOptions;
import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.UpdateScript;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * What a row gives its bulk action besides id and routing: the index of a pattern, the external
 * version ({@code es.mapping.version}), the script params ({@code es.update.script.params}) and a
 * join child's parent, which routes it when no routing column is set (as elasticsearch-hadoop
 * routes it). Resolved against the schema once, on the driver.
 */
final class ActionMetadata implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One row's values; each null when not configured. */
  record Values(String index, Long version, byte[] params, String parentRouting) {}

  private static final Values NONE = new Values(null, null, null, null);

  private final IndexPattern index;
  private final FieldPath version;
  private final ScriptParamsWriter params;
  private final FieldPath joinParent;

  private ActionMetadata(
      IndexPattern index, FieldPath version, ScriptParamsWriter params, FieldPath joinParent) {
    this.index = index;
    this.version = version;
    this.params = params;
    this.joinParent = joinParent;
  }

  static ActionMetadata resolve(SluiceConfig engine, StructType schema) {
    ActionOptions actions = engine.write().actions();
    String resource = engine.defaultIndex();
    ConfigKey<String> resourceOption =
        engine.toRedactedMap().containsKey(ConfigKeys.RESOURCE_WRITE.name())
            ? ConfigKeys.RESOURCE_WRITE
            : ConfigKeys.RESOURCE;
    UpdateScript script = actions.script();
    return new ActionMetadata(
        engine.write().indexPattern()
            ? IndexPattern.resolve(resource, schema, resourceOption.name())
            : null,
        actions.sentVersionField() == null ? null : versionColumn(schema, actions),
        script == null || script.params() == null
            ? null
            : ScriptParamsWriter.resolve(script.params(), schema),
        actions.joinField() == null ? null : joinParent(schema, actions.joinField()));
  }

  private static FieldPath versionColumn(StructType schema, ActionOptions actions) {
    String option = ConfigKeys.MAPPING_VERSION.name();
    FieldPath column = FieldPath.resolve(schema, actions.versionField(), option);
    DataType type = column.type();
    if (!(type instanceof LongType
        || type instanceof IntegerType
        || type instanceof ShortType
        || type instanceof ByteType
        || type instanceof StringType)) {
      throw new ConfigException(
          option,
          option
              + "="
              + actions.versionField()
              + ": a version is a whole number, not "
              + type.simpleString());
    }
    return column;
  }

  /**
   * The join field is a struct {@code {name, parent}} (a child: routed to its parent) or a string
   * (a parent: no routing). Returns the parent's path, or null for a string.
   */
  private static FieldPath joinParent(StructType schema, String join) {
    String option = ConfigKeys.MAPPING_JOIN.name();
    DataType type = FieldPath.resolveAnyType(schema, join, option).type();
    if (type instanceof StringType) {
      return null;
    }
    if (type instanceof StructType struct && Arrays.asList(struct.fieldNames()).contains("name")) {
      return Arrays.asList(struct.fieldNames()).contains("parent")
          ? FieldPath.resolve(schema, join + ".parent", option)
          : null;
    }
    throw new ConfigException(
        option,
        option
            + "="
            + join
            + ": a join field is a struct {name, parent} or a string, not "
            + type.simpleString());
  }

  /**
   * This row's values.
   *
   * @throws RowConversionException naming the field when the version is null or not a number, or
   *     the index cannot be made
   */
  Values of(InternalRow row) {
    if (index == null && version == null && params == null && joinParent == null) {
      return NONE;
    }
    return new Values(
        index == null ? null : index.indexOf(row),
        version == null ? null : versionOf(row),
        params == null ? null : params.paramsOf(row),
        joinParent == null ? null : joinParent.textOf(row));
  }

  private Long versionOf(InternalRow row) {
    String text = version.textOf(row);
    if (text == null) {
      throw new RowConversionException(version.name(), "the version is null");
    }
    try {
      return Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new RowConversionException(
          version.name(), "the version '" + text + "' is not a whole number");
    }
  }
}
