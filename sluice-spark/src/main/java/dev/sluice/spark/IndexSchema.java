package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/** A SQL table's columns when none are given: read from the target index's mapping. */
final class IndexSchema {
  private IndexSchema() {}

  static StructType infer(Map<String, String> options) {
    SluiceConfig config =
        SluiceConfig.fromOptions(OptionSources.resolve(SparkWriteConf.sessionConf(), options));
    String index = config.defaultIndex();
    if (index == null) {
      throw new ConfigException(
          ConfigKeys.RESOURCE.name(),
          "A table or view USING sluice needs its index: OPTIONS (resource 'my-index', …)");
    }
    IndexMapping mapping = IndexMapping.read(config, index);
    StructType schema = MappingSchema.of(mapping.properties());
    if (!mapping.exists() || schema.fields().length == 0) {
      throw new ConfigException(
          ConfigKeys.RESOURCE.name(),
          "Index '"
              + index
              + "' "
              + (mapping.exists() ? "maps no fields" : "does not exist")
              + ", so the table's columns cannot be read from its mapping: give the columns,"
              + " e.g. CREATE TABLE t (id BIGINT, name STRING) USING sluice OPTIONS (resource '"
              + index
              + "', …)");
    }
    return schema;
  }
}
