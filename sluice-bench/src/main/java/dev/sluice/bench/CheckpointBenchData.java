package dev.sluice.bench;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The checkpoint benchmark's input: rows of about 500 bytes of JSON, shaped like {@link
 * DocumentGenerator}'s documents (its strict mapping fits the columns exactly; {@link BenchIndex}
 * creates every index with it), computed from the row number alone, so row n is the same in every
 * run. Every value comes from a hash of the row number, in Spark SQL, so generating a million rows
 * takes seconds.
 */
final class CheckpointBenchData {
  /** Words in "text": with the other fields, about 500 bytes of JSON per row. */
  private static final int TEXT_WORDS = 43;

  private static final long YEAR_2024_SECONDS = 1_704_067_200L;
  private static final long YEAR_SECONDS = 365L * 24 * 3600;

  private CheckpointBenchData() {}

  /** {@code rows} rows in {@code partitions} partitions of (nearly) equal size; not cached. */
  static Dataset<Row> generate(SparkSession spark, long rows, int partitions) {
    return spark
        .range(0, rows, 1, partitions)
        .selectExpr(
            "concat('d-', id) AS id",
            "id AS n",
            "concat_ws(' ', transform(sequence(1, 3), i -> " + word("-i") + ")) AS name",
            "concat('cat-', pmod(xxhash64(id, -11), 50)) AS category",
            "CAST(pmod(xxhash64(id, -12), 100000) AS DOUBLE) / 100 AS price",
            "CAST(pmod(xxhash64(id, -13), 1000) AS INT) AS quantity",
            "pmod(xxhash64(id, -14), 2) = 0 AS active",
            "timestamp_seconds("
                + YEAR_2024_SECONDS
                + " + pmod(xxhash64(id, -15), "
                + YEAR_SECONDS
                + ")) AS created",
            "array(" + word("-16") + ", " + word("-17") + ") AS tags",
            "concat_ws(' ', transform(sequence(1, "
                + TEXT_WORDS
                + "), i -> "
                + word("i")
                + ")) AS text");
  }

  /** A word picked by a hash of the row number and {@code seed} (a SQL expression). */
  private static String word(String seed) {
    String words =
        Arrays.stream(DocumentGenerator.WORDS)
            .map(w -> "'" + w + "'")
            .collect(Collectors.joining(", ", "array(", ")"));
    return words
        + "[CAST(pmod(xxhash64(id, "
        + seed
        + "), "
        + DocumentGenerator.WORDS.length
        + ") AS INT)]";
  }
}
