package dev.sluice.spark;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * An Elasticsearch write target as the one batch write path sees it ({@link SluiceBatchSource}):
 * appends only; save modes are applied before, by {@link SaveModeWrite}.
 */
final class SluiceTable extends TargetTable {
  SluiceTable(StructType schema, Map<String, String> properties) {
    super(schema, properties);
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
