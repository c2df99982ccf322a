package dev.sluice.spark;

import dev.sluice.core.config.ConfigKeys;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.types.StructType;

/** What both of Sluice's tables share: the rows' schema, and a name after the target index. */
abstract class TargetTable implements SupportsWrite {
  private final StructType schema;
  private final String name;

  TargetTable(StructType schema, Map<String, String> options) {
    this.schema = schema;
    String resource = OptionSources.fromWriter(options).get(ConfigKeys.RESOURCE.name());
    this.name = "sluice:" + (resource == null ? "?" : resource);
  }

  @Override
  public String name() {
    return name;
  }

  // Spark 4 deprecates schema() in favour of columns(), but Spark 3.5 still requires it.
  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return schema;
  }
}
