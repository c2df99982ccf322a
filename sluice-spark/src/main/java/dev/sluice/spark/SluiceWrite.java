package dev.sluice.spark;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.Write;

/** A resolved batch write to one Elasticsearch target. */
final class SluiceWrite implements Write {
  private final SparkWriteConf conf;

  SluiceWrite(SparkWriteConf conf) {
    this.conf = conf;
  }

  @Override
  public String description() {
    return "Sluice bulk load into " + conf.engine().defaultIndex();
  }

  /** Runs on the driver when the write starts, before any task. */
  @Override
  public BatchWrite toBatch() {
    TargetIndexCheck.run(conf.engine());
    return new SluiceBatchWrite(conf);
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return SluiceMetrics.all();
  }
}
