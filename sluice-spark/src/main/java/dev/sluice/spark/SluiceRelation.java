package dev.sluice.spark;

import java.util.Map;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.InsertableRelation;
import org.apache.spark.sql.sources.TableScan;
import org.apache.spark.sql.types.StructType;

/**
 * An index as a SQL view or table ({@code CREATE TEMPORARY VIEW t USING sluice …}): {@code INSERT
 * INTO} appends, {@code INSERT OVERWRITE} is mode("overwrite"). Reading it is refused with a clear
 * message when Spark plans the scan.
 */
final class SluiceRelation extends BaseRelation implements InsertableRelation, TableScan {
  static final String NOT_READABLE =
      "Sluice writes to Elasticsearch and cannot be read from: a table or view USING sluice takes"
          + " INSERT INTO and INSERT OVERWRITE only";

  private final SQLContext sqlContext;
  private final StructType schema;
  private final Map<String, String> options;

  SluiceRelation(SQLContext sqlContext, StructType schema, Map<String, String> options) {
    this.sqlContext = sqlContext;
    this.schema = schema;
    this.options = Map.copyOf(options);
  }

  @Override
  public SQLContext sqlContext() {
    return sqlContext;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public void insert(Dataset<Row> data, boolean overwrite) {
    SaveModeWrite.run(data, options, overwrite ? SaveMode.Overwrite : SaveMode.Append);
  }

  @Override
  public RDD<Row> buildScan() {
    throw new UnsupportedOperationException(NOT_READABLE);
  }
}
