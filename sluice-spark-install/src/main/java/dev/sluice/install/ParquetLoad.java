package dev.sluice.install;

import org.apache.spark.sql.SparkSession;

/**
 * What a user runs once the connector jar is attached: write a Parquet table, read it back and load
 * it with {@code format("sluice")}. It knows nothing of Sluice's classes; the master and the rest
 * of Spark's settings come from how it is started ({@code spark-submit} or {@code -Dspark.*}).
 *
 * <p>Arguments: es-url index work-dir rows. Every {@value #NAN_EVERY}th row (from {@value
 * #NAN_OFFSET}) has a weight of NaN, which JSON cannot carry: those rows must end in the
 * dead-letter store under work-dir, the rest in the index.
 */
public final class ParquetLoad {
  static final int NAN_EVERY = 250;
  static final int NAN_OFFSET = 7;

  private ParquetLoad() {}

  public static void main(String[] args) {
    String esUrl = args[0];
    String index = args[1];
    String work = args[2];
    long rows = Long.parseLong(args[3]);
    String input = work + "/orders.parquet";
    SparkSession spark = SparkSession.builder().appName("sluice-install-check").getOrCreate();
    spark
        .range(0, rows, 1, 3)
        .selectExpr(
            "format_string('o-%05d', id) AS order_id",
            "CAST(id % 97 AS INT) AS sku",
            "CAST(id * 1.25 AS DECIMAL(12, 2)) AS amount",
            "IF(id % " + NAN_EVERY + " = " + NAN_OFFSET + ", double('NaN'), id / 4.0) AS weight",
            "timestamp_seconds(1767225600 + id) AS placed_at",
            "named_struct('city', 'Berlin', 'zip', CAST(id % 100 AS INT)) AS address",
            "array('parquet', CAST(id AS STRING)) AS tags")
        .write()
        .mode("overwrite")
        .parquet(input);
    spark
        .read()
        .parquet(input)
        .write()
        .format("sluice")
        .mode("append")
        .option("es.nodes", esUrl)
        .option("es.resource", index)
        .option("es.mapping.id", "order_id")
        .option("sluice.deadletter.path", work + "/dead")
        .option("sluice.checkpoint.path", work + "/checkpoint")
        .option("sluice.checkpoint.input", input)
        .option("sluice.report.path", work + "/report.json")
        .save();
    spark.stop();
  }
}
