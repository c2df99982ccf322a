package dev.sluice.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A generated, deterministic "orders" data set for the quickstart. A few rows are bad on purpose,
 * so that the dead-letter store has something to show: every 997th order has a non-numeric {@code
 * sku} (the index maps it as an integer, so Elasticsearch rejects it), and every 4999th has an
 * amount of NaN (JSON cannot carry it, so Sluice rejects it before sending).
 */
final class SampleOrders {
  /** The mapping the quickstart creates the index with. */
  static final String MAPPING =
      """
      {"mappings":{"dynamic":"strict","properties":{
        "order_id":{"type":"keyword"},
        "customer":{"type":"keyword"},
        "sku":{"type":"integer"},
        "amount":{"type":"double"},
        "quantity":{"type":"integer"},
        "created":{"type":"date"},
        "tags":{"type":"keyword"},
        "shipping":{"properties":{"country":{"type":"keyword"},"express":{"type":"boolean"}}}
      }},"settings":{"number_of_shards":1,"number_of_replicas":0}}
      """;

  private SampleOrders() {}

  static Dataset<Row> generate(SparkSession spark, long rows, int partitions) {
    return spark
        .range(0, rows, 1, partitions)
        .selectExpr(
            "format_string('order-%08d', id) AS order_id",
            "concat('customer-', CAST(id % 1000 AS STRING)) AS customer",
            "CASE WHEN id % 997 = 13 THEN 'SKU-UNKNOWN' ELSE CAST(1000 + id % 5000 AS STRING) END"
                + " AS sku",
            "CASE WHEN id % 4999 = 7 THEN double('NaN') ELSE (id * 7919 % 50000) / 100.0 END"
                + " AS amount",
            "CAST(id % 9 + 1 AS INT) AS quantity",
            "timestamp_seconds(1767225600 + id * 37) AS created",
            "array('quickstart', IF(id % 2 = 0, 'even', 'odd')) AS tags",
            "named_struct('country', element_at(array('DE', 'FR', 'US', 'JP'), CAST(id % 4 AS INT) + 1),"
                + " 'express', id % 3 = 0) AS shipping");
  }

  /** How many of the first {@code rows} orders are bad on purpose. */
  static long expectedBad(long rows) {
    long bad = 0;
    for (long id = 0; id < rows; id++) {
      if (id % 997 == 13 || id % 4999 == 7) {
        bad++;
      }
    }
    return bad;
  }
}
