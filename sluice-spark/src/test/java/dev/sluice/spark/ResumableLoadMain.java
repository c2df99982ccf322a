package dev.sluice.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The load {@link KillAndResumeIT} runs in a child JVM and kills: a generated, deterministic input
 * written through the connector with a checkpoint, default ids (content hash) and default
 * concurrency. Rows whose number is {@code BAD_EVERY}-th from {@code BAD_OFFSET} carry a code the
 * index mapping rejects.
 *
 * <p>Arguments: es-url index rows partitions work-dir. The checkpoint, dead letters and report go
 * under work-dir, the same for every run of a job, as a user would resume it.
 */
public final class ResumableLoadMain {
  static final long BAD_EVERY = 997;
  static final long BAD_OFFSET = 13;
  static final String DONE = "RESUMABLE-LOAD-DONE";

  private ResumableLoadMain() {}

  static boolean isBad(long row) {
    return row % BAD_EVERY == BAD_OFFSET;
  }

  public static void main(String[] args) {
    String esUrl = args[0];
    String index = args[1];
    long rows = Long.parseLong(args[2]);
    int partitions = Integer.parseInt(args[3]);
    String work = args[4];
    SparkSession spark = LocalSpark.session("sluice-resumable-load", "local[2]");
    Dataset<Row> input =
        spark
            .range(0, rows, 1, partitions)
            .selectExpr(
                "id AS row",
                "IF(id % "
                    + BAD_EVERY
                    + " = "
                    + BAD_OFFSET
                    + ", 'not-a-number', CAST(id * 7 AS"
                    + " STRING)) AS code",
                "concat('item-', id, '-', repeat('abcdefghij', 20)) AS payload");
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", esUrl);
    options.put("es.resource", index);
    options.put("sluice.checkpoint.path", work + "/checkpoint");
    options.put("sluice.checkpoint.input", "generated:" + rows + "x" + partitions);
    options.put("sluice.checkpoint.every.rows", "5000");
    options.put("sluice.checkpoint.every", "1s");
    options.put("sluice.deadletter.path", work + "/dead");
    options.put("sluice.report.path", work + "/report.json");
    // Short waits: a retry storm on the tiny-queue node should not stretch the test.
    options.put("es.batch.write.retry.wait", "50ms");
    options.put("sluice.retry.max.delay", "2s");
    input.write().format("sluice").mode("append").options(options).save();
    spark.stop();
    System.out.println(DONE);
  }
}
