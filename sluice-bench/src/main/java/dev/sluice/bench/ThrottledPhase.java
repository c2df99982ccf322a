package dev.sluice.bench;

import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part 2 of {@code bin/bench}: adaptive against fixed flow on a node with a tiny write queue, which
 * answers with real 429s.
 */
final class ThrottledPhase {
  private static final Logger LOG = LoggerFactory.getLogger(ThrottledPhase.class);

  private final BenchOptions options;
  private final String deadLetters;
  private final Consumer<LoadRun> record;
  private final Failures failures;

  /**
   * @param deadLetters where Sluice writes dead letters (none expected)
   * @param record takes each timed load
   */
  ThrottledPhase(
      BenchOptions options, String deadLetters, Consumer<LoadRun> record, Failures failures) {
    this.options = options;
    this.deadLetters = deadLetters;
    this.record = record;
    this.failures = failures;
  }

  void run(byte[][] sources) throws InterruptedException {
    NodeSpec spec = NodeSpec.builder().name("bench-tiny").heap("512m").tinyWriteQueue().build();
    LOG.info("starting {}", spec);
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      SluiceLoad sluice = new SluiceLoad(node.httpUrl(), deadLetters);
      CheckedLoads loads = new CheckedLoads(Loads.on(node), failures);
      int docs = options.throttledDocs();
      for (String flow : List.of("adaptive", "fixed")) {
        String target = "bench-throttled-" + flow;
        Map<String, String> overrides = new LinkedHashMap<>(options.sluiceOptions());
        overrides.put(ConfigKeys.FLOW_ADAPTIVE.name(), Boolean.toString(flow.equals("adaptive")));
        SluiceConfig config = sluice.config(target, overrides);
        CheckedLoads.Sluiced load =
            loads.sluice(
                target,
                config,
                "bench-" + flow,
                sources,
                docs,
                flow + " flow on the tiny-queue node");
        record.accept(
            LoadRun.sluice(
                "throttled",
                flow,
                1,
                load.result(),
                load.measured(),
                config.batch().memoryMaxBytes()));
      }
    }
  }
}
