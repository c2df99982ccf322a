package dev.sluice.bench;

import dev.sluice.core.SluiceConfig;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import dev.sluice.testkit.proxy.Fault;
import dev.sluice.testkit.proxy.FaultPlan;
import dev.sluice.testkit.proxy.FaultProxy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench-sweep}: batch bytes x concurrency through Sluice's engine, clean, with 10% of
 * items throttled, and on a tiny-queue node, to choose the defaults by measurement (see {@link
 * SweepOptions#USAGE} and {@link SweepChoice}).
 */
public final class SweepMain {
  private static final Logger LOG = LoggerFactory.getLogger(SweepMain.class);
  private static final String TARGET = "bench-sweep";

  private final SweepOptions options;
  private final Failures failures = new Failures();
  private final List<SweepResult> results = new ArrayList<>();
  private final Path deadLetters;
  private byte[][] sources;

  private SweepMain(SweepOptions options) throws IOException {
    this.options = options;
    this.deadLetters = Files.createTempDirectory("sluice-sweep-deadletter");
  }

  public static void main(String[] args) {
    Launcher.main(
        "bench-sweep",
        SweepOptions.USAGE,
        args,
        SweepOptions::parse,
        options -> new SweepMain(options).run());
  }

  private boolean run() throws InterruptedException {
    sources = new byte[options.docs()][];
    for (int n = 0; n < sources.length; n++) {
      sources[n] = DocumentGenerator.source(n);
    }
    try {
      sweep(
          NodeSpec.builder().name("bench-sweep").heap("1g").build(),
          List.of(SweepCondition.CLEAN, SweepCondition.ITEM_429));
      sweep(TinyQueueNode.spec("bench-sweep-tiny"), List.of(SweepCondition.TINY_QUEUE));
    } finally {
      SweepReport.print(System.out, options, results);
      failures.print(System.out);
    }
    return failures.none();
  }

  /**
   * Each cell under each of {@code conditions} on a node of its own, a cell's loads back to back,
   * after one untimed load: the first load of a fresh node and JVM is the slowest.
   */
  private void sweep(NodeSpec spec, List<SweepCondition> conditions) throws InterruptedException {
    LOG.info("starting {}", spec);
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      CheckedLoads loads = new CheckedLoads(Loads.on(node), failures);
      load(loads, node.httpUrl(), SweepCell.defaults(), conditions.get(0));
      for (int round = 1; round <= options.rounds(); round++) {
        for (SweepCell cell : options.cells(round)) {
          for (SweepCondition condition : conditions) {
            results.add(load(loads, node.httpUrl(), cell, condition));
          }
        }
      }
    }
  }

  private SweepResult load(
      CheckedLoads loads, String nodeUrl, SweepCell cell, SweepCondition condition)
      throws InterruptedException {
    if (condition == SweepCondition.TINY_QUEUE) {
      return load(loads, nodeUrl, cell, condition, null);
    }
    FaultPlan plan =
        condition == SweepCondition.ITEM_429
            ? FaultPlan.always(Fault.item429(0.1))
            : FaultPlan.none();
    // Clean loads go through the proxy too, so that both pay the same hop.
    try (FaultProxy proxy = FaultProxy.forward(nodeUrl).seed(1).onBulk(plan).start()) {
      return load(loads, proxy.url(), cell, condition, proxy);
    }
  }

  private SweepResult load(
      CheckedLoads loads, String url, SweepCell cell, SweepCondition condition, FaultProxy proxy)
      throws InterruptedException {
    String what = cell.label() + " " + condition.label();
    SluiceConfig config =
        new SluiceLoad(url, deadLetters.toString())
            .config(TARGET, cell.options(!options.fixedFlow()));
    CheckedLoads.Sluiced load =
        loads.sluice(TARGET, config, "bench-sweep", sources, sources.length, what);
    SweepResult result =
        new SweepResult(
            cell,
            condition,
            load.result().counters().indexed(),
            load.measured().nanos(),
            load.result().counters().bulkRequests(),
            load.result().counters().throttled(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    LOG.info(
        "{}: {} docs/s, {} requests, {} throttled{}",
        what,
        Math.round(result.docsPerSecond()),
        result.requests(),
        result.throttled(),
        proxy == null ? "" : ", proxy " + proxy.stats().item429Items() + " items 429");
    return result;
  }
}
