package dev.sluice.spark;

import dev.sluice.core.config.ConfigKeys;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * An Elasticsearch write target as the one batch write path sees it ({@link SluiceBatchSource}):
 * appends only; save modes are applied before, by {@link SaveModeWrite}.
 */
final class SluiceTable implements SupportsWrite {
  private final StructType schema;
  private final String name;

  SluiceTable(StructType schema, Map<String, String> properties) {
    this.schema = schema;
    String resource = OptionSources.fromWriter(properties).get(ConfigKeys.RESOURCE.name());
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

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_WRITE);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new SluiceWriteBuilder(info);
  }
}
