package dev.sluice.cli;

import org.apache.spark.sql.SparkSession;

/** Spark in local mode, as the CLI runs it: all cores of this machine, no web UI. */
final class LocalSpark {
  static final String DEFAULT_MASTER = "local[*]";

  private LocalSpark() {}

  static SparkSession start(String appName) {
    return start(appName, DEFAULT_MASTER);
  }

  static SparkSession start(String appName, String master) {
    return SparkSession.builder()
        .appName(appName)
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        // Running tasks' metrics reach the driver with each heartbeat: once a second for progress.
        .config("spark.executor.heartbeatInterval", "1s")
        .getOrCreate();
  }
}
