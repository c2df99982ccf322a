package dev.sluice.bench;

import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.LocalElasticsearch;
import java.time.Duration;

/**
 * Times loads into one node, each into a fresh index on a settled node: the previous index deleted,
 * merges finished, the node idle (see {@link NodeSettler}), this JVM's garbage collected.
 */
final class Loads {
  /** How long to wait for the node to settle before a load; it usually takes a few seconds. */
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

  /** A load to time. */
  interface Load {
    void run() throws InterruptedException;
  }

  /**
   * @param node what the node reported doing while the load ran
   * @param settled how the node settled before the load
   */
  record Measured(
      long nanos, ResourceMeter.Usage usage, NodeActivity node, NodeSettler.Settled settled) {}

  private final EsTestClient client;
  private final BenchIndex index;
  private final NodeSettler settler;
  private final ResourceMeter meter;

  private Loads(EsTestClient client, NodeSettler settler, ResourceMeter meter) {
    this.client = client;
    this.index = new BenchIndex(client);
    this.settler = settler;
    this.meter = meter;
  }

  /** Loads into {@code node}, each after the node settled, its process's CPU measured. */
  static Loads on(LocalElasticsearch node) {
    EsTestClient client = EsTestClient.forNode(node);
    return new Loads(
        client,
        new NodeSettler(client, node.processHandle(), SETTLE_LIMIT),
        new ResourceMeter(node.processHandle()));
  }

  BenchIndex index() {
    return index;
  }

  /** Settles the node, creates {@code target} empty, and times {@code load} into it. */
  Measured measure(String target, Load load) throws InterruptedException {
    NodeSettler.Settled settled = settler.settle(target);
    index.recreate(target);
    NodeActivity before = NodeActivity.read(client);
    meter.start();
    long start = System.nanoTime();
    long nanos;
    ResourceMeter.Usage usage;
    try {
      load.run();
    } finally {
      nanos = System.nanoTime() - start;
      usage = meter.stop();
    }
    return new Measured(nanos, usage, NodeActivity.read(client).minus(before), settled);
  }
}
