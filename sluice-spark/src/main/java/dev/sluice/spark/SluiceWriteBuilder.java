package dev.sluice.spark;

import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/** Resolves and checks every option of an append once, on the driver. */
final class SluiceWriteBuilder implements WriteBuilder {
  private final LogicalWriteInfo info;

  SluiceWriteBuilder(LogicalWriteInfo info) {
    this.info = info;
  }

  @Override
  public Write build() {
    return new SluiceWrite(SparkWriteConf.resolve(info));
  }
}
