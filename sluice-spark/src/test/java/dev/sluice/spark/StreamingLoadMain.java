package dev.sluice.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The streaming query {@link StreamingKillIT} runs in a child JVM and kills: JSON files of {@code
 * key} and {@code code}, one file per epoch, with {@code availableNow}, ids from {@code key}.
 *
 * <p>Arguments: es-url index input-dir work-dir [data-stream]. The checkpoint location and the dead
 * letters go under work-dir, the same for every run, as a user restarts a query. With {@code
 * data-stream}, the rows' {@code ts} column becomes the documents' {@code @timestamp}.
 */
public final class StreamingLoadMain {
  static final String DONE = "STREAMING-LOAD-DONE";

  private StreamingLoadMain() {}

  public static void main(String[] args) throws Exception {
    String esUrl = args[0];
    String index = args[1];
    String input = args[2];
    String work = args[3];
    boolean dataStream = args.length > 4 && args[4].equals("data-stream");
    SparkSession spark = LocalSpark.session("sluice-streaming-load", "local[2]");
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", esUrl);
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    options.put("sluice.deadletter.path", work + "/dead");
    options.put("checkpointLocation", work + "/checkpoint");
    if (dataStream) {
      options.put("sluice.datastream.timestamp.column", "ts");
    }
    StreamingQuery query =
        spark
            .readStream()
            .schema(
                dataStream ? "key STRING, code STRING, ts TIMESTAMP" : "key STRING, code STRING")
            .option("maxFilesPerTrigger", "1")
            .json(input)
            .writeStream()
            .format("sluice")
            .options(options)
            .trigger(Trigger.AvailableNow())
            .start();
    query.awaitTermination();
    System.out.println(DONE);
    spark.stop();
  }
}
