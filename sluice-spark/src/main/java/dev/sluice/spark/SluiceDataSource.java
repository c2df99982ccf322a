package dev.sluice.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The entry point Spark finds by the short name: {@code df.write.format("sluice").mode("append")}.
 * Sluice writes only; the DataFrame's own schema is used as is.
 */
public final class SluiceDataSource implements TableProvider, DataSourceRegister {
  /** The name users pass to {@code format(...)}. */
  public static final String SHORT_NAME = "sluice";

  public SluiceDataSource() {
    // Spark instantiates providers reflectively.
  }

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    throw new UnsupportedOperationException(
        "Sluice writes to Elasticsearch and cannot be read from; use it with df.write");
  }

  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new SluiceTable(schema, properties);
  }
}
