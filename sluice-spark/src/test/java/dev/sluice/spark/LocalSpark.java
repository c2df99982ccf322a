package dev.sluice.spark;

import org.apache.spark.sql.SparkSession;

/** A SparkSession in local mode for tests: loopback only, no UI. */
final class LocalSpark {
  private LocalSpark() {}

  /**
   * @param master e.g. {@code local[2]}, or {@code local[2,1]} for one attempt per task
   */
  static SparkSession session(String appName, String master) {
    return SparkSession.builder()
        .appName(appName)
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
