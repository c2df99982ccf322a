package dev.sluice.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The one batch write path, unregistered: {@link SaveModeWrite} writes through it with
 * mode("append") once the save mode is applied. Public only because Spark instantiates it by name.
 */
public final class SluiceBatchSource extends WriteOnlyProvider {
  public SluiceBatchSource() {
    // Spark instantiates providers reflectively.
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    throw new UnsupportedOperationException(
        "Sluice writes to Elasticsearch and cannot be read from; use it with df.write");
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new SluiceTable(schema, properties);
  }
}
