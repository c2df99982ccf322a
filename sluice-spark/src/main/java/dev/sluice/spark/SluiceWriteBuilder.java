package dev.sluice.spark;

import dev.sluice.core.config.ConfigKeys;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/** Checks the write request and resolves every option once, on the driver. */
final class SluiceWriteBuilder implements SupportsTruncate {
  private final LogicalWriteInfo info;

  SluiceWriteBuilder(LogicalWriteInfo info) {
    this.info = info;
  }

  @Override
  public WriteBuilder truncate() {
    throw new UnsupportedOperationException(
        "Sluice does not support mode(\"overwrite\"): it never deletes what is already in the index."
            + " Use mode(\"append\"); with a document id ("
            + ConfigKeys.MAPPING_ID.name()
            + ") a re-run replaces documents by id.");
  }

  @Override
  public Write build() {
    return new SluiceWrite(SparkWriteConf.resolve(info));
  }
}
