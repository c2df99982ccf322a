package dev.sluice.spark;

import org.apache.spark.sql.connector.catalog.TableProvider;

/**
 * A provider whose tables take the schema Spark gives them (the DataFrame's, or a SQL table's
 * column list): nothing is inferred on a write.
 */
abstract class WriteOnlyProvider implements TableProvider {
  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }
}
