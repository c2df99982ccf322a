package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ConfigKeys;
import java.net.URI;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * On a Spark cluster, dead letters must go where the driver and every executor can reach them: the
 * executors stage them, the driver publishes them, and the store must outlive the executors. A
 * relative path, the default {@code ./sluice-deadletter} among them, is each executor's own working
 * directory, gone with the executor: refused before any task starts. An absolute local path is
 * taken to be a mount every node shares (such as {@code /dbfs/...} on Databricks).
 */
final class SharedDeadLetterPath {
  private SharedDeadLetterPath() {}

  /** Checks {@code path} against the master of the active Spark session, if there is one. */
  static void require(String path) {
    Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isDefined()) {
      require(path, active.get().sparkContext().master());
    }
  }

  /**
   * @throws ConfigException naming {@code sluice.deadletter.path} when {@code master} runs
   *     executors outside the driver's JVM and {@code path} is relative
   */
  static void require(String path, String master) {
    if (inDriverJvm(master) || !isRelative(path)) {
      return;
    }
    String option = ConfigKeys.DEADLETTER_PATH.name();
    throw new ConfigException(
        option,
        option
            + " is "
            + path
            + ", relative to the working directory of each executor: on a Spark cluster (master "
            + master
            + ") dead letters would stay on the executors' local disks and vanish with them. Set "
            + option
            + " to a location the driver and every executor share: dbfs:/..., s3a://...,"
            + " abfss://..., hdfs://..., or a shared mount such as /dbfs/... .");
  }

  /** {@code local} and {@code local[n]} run every task in the driver; local-cluster does not. */
  private static boolean inDriverJvm(String master) {
    return master.equals("local") || master.startsWith("local[");
  }

  private static boolean isRelative(String path) {
    String scheme;
    try {
      scheme = URI.create(path.replace(" ", "%20")).getScheme();
    } catch (IllegalArgumentException e) {
      scheme = null; // not a URI: a local path with characters a URI cannot hold
    }
    if (scheme != null && scheme.length() > 1 && !scheme.equals("file")) {
      return false; // a file system URI such as dbfs:, s3a:, hdfs:
    }
    String local = scheme != null && scheme.equals("file") ? path.substring(5) : path;
    return !Path.of(local).isAbsolute();
  }
}
