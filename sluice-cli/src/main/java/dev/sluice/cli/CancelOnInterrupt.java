package dev.sluice.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * Ctrl-C during a load: cancels the Spark jobs, so each writer records what had settled and the
 * connector writes its report, and waits (at most {@value #WAIT_SECONDS} s) for the load to wind
 * down before the JVM exits (with 130, as it does on SIGINT).
 */
final class CancelOnInterrupt {
  static final int WAIT_SECONDS = 30;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean cancelled;

  private CancelOnInterrupt(SparkSession spark) {
    this.hook =
        new Thread(
            () -> {
              cancelled = true;
              System.err.println("sluice: cancelling; saving progress ...");
              spark.sparkContext().cancelAllJobs();
              try {
                done.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "sluice-cancel");
  }

  static CancelOnInterrupt install(SparkSession spark) {
    CancelOnInterrupt cancel = new CancelOnInterrupt(spark);
    Runtime.getRuntime().addShutdownHook(cancel.hook);
    return cancel;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** The load is over: the hook has nothing to wait for, and is removed unless it runs. */
  void done() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (or ran) and now returns at once
    }
  }
}
