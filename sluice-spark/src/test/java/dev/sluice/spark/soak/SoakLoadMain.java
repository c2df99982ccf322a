package dev.sluice.spark.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One run of a soak seed, in its own JVM so that the driver can kill it with SIGKILL: regenerates
 * the seed's scenario and input, splits the input into the given number of partitions (by position,
 * so the same count always gives the same partitions) and writes it with the connector. Cancels its
 * Spark jobs when {@link SoakDirs#cancelTrigger()} appears.
 *
 * <p>Arguments: nodes index seed partitions work-dir. Prints one of the markers below last.
 */
public final class SoakLoadMain {
  static final String DONE = "SOAK-RUN-DONE";
  static final String FAILED = "SOAK-RUN-FAILED";
  static final String CANCELLED = "SOAK-RUN-CANCELLED";

  /** The connector refused to resume (e.g. another partitioning): legitimate, never a skip. */
  static final String REFUSED = "SOAK-RUN-REFUSED";

  private SoakLoadMain() {}

  public static void main(String[] args) throws Exception {
    String nodes = args[0];
    String index = args[1];
    long seed = Long.parseLong(args[2]);
    int partitions = Integer.parseInt(args[3]);
    SoakDirs dirs = new SoakDirs(Path.of(args[4]));
    SoakScenario scenario = ScenarioGenerator.generate(seed);
    SoakInput input = SoakInput.of(scenario);

    SparkSession spark =
        SparkSession.builder()
            .appName("sluice-soak-" + seed)
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    AtomicBoolean cancelled = new AtomicBoolean();
    Thread watcher = cancelWatcher(spark, dirs.cancelTrigger(), cancelled);
    int status = 0;
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Dataset<Row> frame =
          spark.createDataFrame(jsc.parallelize(input.sparkRows(), partitions), input.schema());
      frame
          .write()
          .format("sluice")
          .mode("append")
          .options(SoakOptions.of(scenario, nodes, index, dirs))
          .save();
      System.out.println(DONE);
    } catch (Exception e) { // Scala throws SparkException, a checked exception, undeclared
      e.printStackTrace(System.out);
      System.out.println(
          cancelled.get() ? CANCELLED : refusal(e) ? REFUSED + " " + e.getMessage() : FAILED);
      status = 2;
    } finally {
      watcher.interrupt();
      spark.stop();
    }
    System.exit(status);
  }

  private static boolean refusal(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getSimpleName().equals("CheckpointMismatchException")) {
        return true;
      }
    }
    return false;
  }

  private static Thread cancelWatcher(SparkSession spark, Path trigger, AtomicBoolean cancelled) {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (!Files.exists(trigger)) {
                  Thread.sleep(10);
                }
                cancelled.set(true);
                System.out.println("soak: cancelling all Spark jobs");
                spark.sparkContext().cancelAllJobs();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "soak-cancel-watcher");
    watcher.setDaemon(true);
    watcher.start();
    return watcher;
  }
}
