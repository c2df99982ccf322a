package dev.sluice.bench;

import dev.sluice.testkit.EsTestClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, before a timed load, until the node has finished with the load before: its index gone, no
 * merge running, and its process (nearly) idle. Without it, a load could start while the node still
 * merged or deleted the previous load's segments and pay for that work in time and CPU.
 */
final class NodeSettler {
  private static final Logger LOG = LoggerFactory.getLogger(NodeSettler.class);
  private static final Duration WINDOW = Duration.ofMillis(500);

  /** An idle node ticks over at a few percent of one core (cluster and JVM housekeeping). */
  private static final double QUIET_CORES = 0.10;

  private static final int QUIET_WINDOWS = 2;

  /**
   * @param millis how long settling took
   * @param quiet false when the node was still busy at the time limit
   * @param cores the node's CPU use in the last window, in cores
   */
  record Settled(long millis, boolean quiet, double cores) {}

  private final EsTestClient client;
  private final ProcessHandle node;
  private final Duration limit;

  NodeSettler(EsTestClient client, ProcessHandle node, Duration limit) {
    this.client = client;
    this.node = node;
    this.limit = limit;
  }

  /** Deletes {@code index} if it exists, then waits for the node to settle, up to the limit. */
  Settled settle(String index) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    client.delete("/" + index); // 404 when absent: fine
    while (client.get("/" + index).status() != 404 && System.nanoTime() < deadline) {
      Thread.sleep(WINDOW.toMillis());
    }
    while (NodeActivity.runningMerges(client) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(WINDOW.toMillis());
    }
    int quietWindows = 0;
    double cores = Double.NaN;
    while (quietWindows < QUIET_WINDOWS && System.nanoTime() < deadline) {
      long cpuBefore = cpuNanos();
      long before = System.nanoTime();
      Thread.sleep(WINDOW.toMillis());
      cores = (double) (cpuNanos() - cpuBefore) / (System.nanoTime() - before);
      quietWindows = cores < QUIET_CORES ? quietWindows + 1 : 0;
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    boolean quiet = quietWindows >= QUIET_WINDOWS;
    if (!quiet) {
      LOG.warn(
          "the node was still busy after {} ms ({} cores); timing the load anyway",
          millis,
          String.format(java.util.Locale.ROOT, "%.2f", cores));
    }
    return new Settled(millis, quiet, cores);
  }

  private long cpuNanos() {
    return ResourceMeter.treeCpuNanos(node);
  }
}
