package dev.sluice.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's input: log events of about 520 bytes of JSON each, a function of the row number
 * only, written once to Parquet and read back for every load, so every loader reads the same files
 * the same way.
 */
final class LogEvents {
  /**
   * Explicit, so the index does not depend on who wrote first: the timestamp accepts both
   * elasticsearch-hadoop's epoch milliseconds and Sluice's ISO-8601.
   */
  static final String MAPPING =
      """
      {"properties":{
        "id":{"type":"long"},"@timestamp":{"type":"date","format":"strict_date_optional_time||epoch_millis"},
        "host":{"type":"keyword"},"service":{"type":"keyword"},"level":{"type":"keyword"},
        "message":{"type":"text"},"trace_id":{"type":"keyword"},"user_id":{"type":"long"},
        "duration_ms":{"type":"double"},"status":{"type":"integer"},"path":{"type":"keyword"},
        "bytes":{"type":"long"},"user_agent":{"type":"keyword"},"tags":{"type":"keyword"}}}""";

  private LogEvents() {}

  /** The events of rows 0..rows-1 in {@code partitions} Parquet files under {@code dir}. */
  static Dataset<Row> read(SparkSession spark, int rows, int partitions, Path dir) {
    Path parquet = dir.resolve("events-" + rows + "-" + partitions + ".parquet");
    if (!Files.isDirectory(parquet)) {
      generate(spark, rows, partitions).write().parquet(parquet.toString());
    }
    return spark.read().parquet(parquet.toString());
  }

  private static Dataset<Row> generate(SparkSession spark, int rows, int partitions) {
    return spark
        .range(0, rows, 1, partitions)
        .select(
            col("id"),
            expr("timestamp_millis(1700000000000 + id * 37)").as("@timestamp"),
            expr("concat('host-', pmod(hash(id, 1), 64))").as("host"),
            expr("element_at(array('api','web','auth','billing','search','mail'), pmod(hash(id, 2), 6) + 1)")
                .as("service"),
            expr("element_at(array('INFO','INFO','INFO','INFO','WARN','ERROR','DEBUG'), pmod(hash(id, 3), 7) + 1)")
                .as("level"),
            expr("concat('request ', id, ' for user ', pmod(hash(id, 4), 100000), ' finished after ',"
                    + " pmod(hash(id, 5), 2000), ' ms with ', pmod(hash(id, 6), 90000), ' bytes; upstream"
                    + " pool ', pmod(hash(id, 7), 16), ' queue depth ', pmod(hash(id, 8), 40),"
                    + " '; cache ', element_at(array('hit','miss','stale'), pmod(hash(id, 9), 3) + 1),"
                    + " '; digest ', sha2(cast(id as string), 256))")
                .as("message"),
            expr("md5(cast(id as string))").as("trace_id"),
            expr("cast(pmod(hash(id, 4), 100000) as long)").as("user_id"),
            expr("cast(pmod(hash(id, 5), 200000) / 100.0 as double)").as("duration_ms"),
            expr("element_at(array(200,200,200,200,201,204,301,400,404,500), pmod(hash(id, 10), 10) + 1)")
                .as("status"),
            expr("concat('/api/v1/', element_at(array('orders','users','carts','search','items'), pmod(hash(id, 11), 5) + 1), '/', pmod(hash(id, 12), 100000))")
                .as("path"),
            expr("cast(pmod(hash(id, 6), 90000) as long)").as("bytes"),
            expr("concat('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/', 100 + pmod(hash(id, 13), 30), '.0')")
                .as("user_agent"),
            expr("array(element_at(array('prod','canary'), pmod(hash(id, 14), 2) + 1), element_at(array('eu','us','ap'), pmod(hash(id, 15), 3) + 1))")
                .as("tags"));
  }
}
