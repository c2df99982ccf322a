package dev.sluice.spark;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The SQL function {@code fail_once_at(id)}: returns its argument, except that once armed it throws
 * at one row, after running a hook (e.g. waiting until the index holds what the task sent). Local
 * mode only: tasks run in the test's JVM, so the static state reaches the function.
 */
final class FailOnce {
  private static final AtomicBoolean ARMED = new AtomicBoolean();
  private static volatile long failingRow = -1;
  private static volatile Runnable beforeFailing = () -> {};

  private FailOnce() {}

  static void register(SparkSession spark) {
    spark
        .udf()
        .register(
            "fail_once_at",
            (UDF1<Long, Long>)
                id -> {
                  if (id == failingRow && ARMED.getAndSet(false)) {
                    beforeFailing.run();
                    throw new IllegalStateException("injected failure at row " + id);
                  }
                  return id;
                },
            DataTypes.LongType);
  }

  /** The next time row {@code row} is read, runs {@code before}, then throws. */
  static void arm(long row, Runnable before) {
    failingRow = row;
    beforeFailing = before;
    ARMED.set(true);
  }

  /** Whether the armed failure happened. */
  static boolean fired() {
    return !ARMED.get();
  }
}
