package dev.sluice.bench;

import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.BatchSettings;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part 1 of {@code bin/bench}: Sluice against pre-built {@code _bulk} bodies sent by a bare HTTP
 * client, alternating, on one local node. The baseline cuts and sends its bodies as Sluice's
 * defaults would; {@code --option} tunes Sluice only, so a sweep compares each setting with the
 * same baseline.
 */
final class ThroughputPhase {
  private static final Logger LOG = LoggerFactory.getLogger(ThroughputPhase.class);

  /**
   * Every throughput load, either loader, goes into this one index, deleted and created again in
   * between: the action lines, and so the request bodies, are then byte for byte the same.
   */
  private static final String INDEX = "bench-throughput";

  /** The filter Sluice's transport asks for; the baseline asks for the same. */
  private static final String FILTER_PATH =
      "errors,items.*.status,items.*.result,items.*.error,error,status";

  private final BenchOptions options;
  private final Map<String, Object> setup;
  private final String deadLetters;
  private final Consumer<LoadRun> record;
  private final Failures failures;

  /**
   * @param setup where the settings of the loads are described
   * @param deadLetters where Sluice writes dead letters (none expected)
   * @param record takes each timed load
   */
  ThroughputPhase(
      BenchOptions options,
      Map<String, Object> setup,
      String deadLetters,
      Consumer<LoadRun> record,
      Failures failures) {
    this.options = options;
    this.setup = setup;
    this.deadLetters = deadLetters;
    this.record = record;
    this.failures = failures;
  }

  void run(byte[][] sources) throws InterruptedException {
    NodeSpec spec = NodeSpec.builder().name("bench").heap("1g").build();
    LOG.info("starting {}", spec);
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      SluiceLoad sluice = new SluiceLoad(node.httpUrl(), deadLetters);
      BatchSettings batch = sluice.config(INDEX, Map.of()).batch();
      SluiceConfig tuned = sluice.config(INDEX, options.sluiceOptions());
      setup.put("es_heap", spec.heap());
      describe(batch, tuned.batch());

      LOG.info("building baseline bodies");
      BulkBodies bodies = bodies(sources, options.docs(), batch);
      setup.put("baseline_bodies", bodies.bodies().size());
      CheckedLoads loads = new CheckedLoads(Loads.on(node), failures);
      RawBulkClient raw = new RawBulkClient(node.httpUrl(), FILTER_PATH);
      warmUp(loads, raw, tuned, sources, bodies, batch);

      for (int run = 1; run <= options.runs(); run++) {
        // Alternate which loader goes first (baseline, sluice, sluice, baseline, ...), so that a
        // drift of the node over the run (heap, page cache, the machine's other work) weighs on
        // both alike, and each round's ratio compares two loads made back to back.
        if (run % 2 == 1) {
          timedBaseline(run, loads, raw, bodies, batch);
          timedSluice(run, loads, tuned, sources);
        } else {
          timedSluice(run, loads, tuned, sources);
          timedBaseline(run, loads, raw, bodies, batch);
        }
      }
    }
  }

  private void describe(BatchSettings batch, BatchSettings sluiceBatch) {
    setup.put("batch_max_docs", batch.maxDocs());
    setup.put("batch_max_bytes", batch.maxBytes());
    setup.put("concurrency", batch.concurrency());
    setup.put("memory_cap_bytes", batch.memoryMaxBytes());
    setup.put("adaptive_flow", batch.adaptive());
    setup.put("flush_interval", batch.flushInterval().toString());
    if (!options.sluiceOptions().isEmpty()) {
      setup.put("sluice_options", new TreeMap<>(options.sluiceOptions()));
      setup.put("sluice_batch_max_docs", sluiceBatch.maxDocs());
      setup.put("sluice_batch_max_bytes", sluiceBatch.maxBytes());
      setup.put("sluice_concurrency", sluiceBatch.concurrency());
      setup.put("sluice_memory_cap_bytes", sluiceBatch.memoryMaxBytes());
      setup.put("sluice_adaptive_flow", sluiceBatch.adaptive());
    }
  }

  /** Bodies of documents 0..count-1, cut as Sluice's default {@code batch} would. */
  private static BulkBodies bodies(byte[][] sources, int count, BatchSettings batch) {
    int maxDocs = batch.maxDocs() == 0 ? Integer.MAX_VALUE : batch.maxDocs();
    return BulkBodies.build(INDEX, Arrays.copyOf(sources, count), maxDocs, batch.maxBytes());
  }

  private void timedBaseline(
      int run, CheckedLoads loads, RawBulkClient raw, BulkBodies bodies, BatchSettings batch)
      throws InterruptedException {
    Loads.Measured measured =
        loads.baseline(INDEX, raw, bodies, batch.concurrency(), "baseline run " + run);
    record.accept(LoadRun.baseline(run, bodies, measured));
  }

  private void timedSluice(int run, CheckedLoads loads, SluiceConfig config, byte[][] sources)
      throws InterruptedException {
    CheckedLoads.Sluiced load =
        loads.sluice(INDEX, config, "bench-" + run, sources, options.docs(), "sluice run " + run);
    record.accept(
        LoadRun.sluice(
            "throughput",
            "sluice",
            run,
            load.result(),
            load.measured(),
            config.batch().memoryMaxBytes()));
  }

  /**
   * Untimed loads through each loader first, so that neither timed run 1 pays for a cold node (JIT,
   * first segments) or cold client code: without them the first load of a run was up to 30% slower,
   * whichever loader went first. 100,000 documents (10 requests) were too few: a JFR recording
   * showed the JIT compiling the loader's per-request methods (response handling, batch cutting)
   * with C2 for ~3.5 s of compiler time inside the first timed Sluice load, and the first timed
   * load of either loader still cost Elasticsearch more CPU than later ones (see {@link
   * BenchOptions#DEFAULT_WARM_UP_DOCS}).
   *
   * <p>Each loader warms up with a short load, then a full one, through the same steps as a timed
   * load (settling, node statistics, heap meter). With a single warm-up load, code compiled during
   * it had never seen a load begin, nor the classes that only timed rounds used: the JIT threw away
   * DocumentEncoder.encode, BulkEngine.add and the HTTP content encoder at the start of the first
   * timed Sluice load, and ran them below full optimisation for its first 12 seconds.
   */
  private void warmUp(
      CheckedLoads loads,
      RawBulkClient raw,
      SluiceConfig config,
      byte[][] sources,
      BulkBodies bodies,
      BatchSettings batch)
      throws InterruptedException {
    int docs = Math.min(options.docs(), options.warmUpDocs());
    LOG.info("warming up with {} documents per loader (untimed), after a shorter load", docs);
    for (int count : new int[] {Math.max(1, docs / 10), docs}) {
      BulkBodies warm = count == options.docs() ? bodies : bodies(sources, count, batch);
      loads.baseline(INDEX, raw, warm, batch.concurrency(), "warm-up (baseline)");
      loads.sluice(INDEX, config, "bench-warm-up", sources, count, "warm-up (sluice)");
    }
  }
}
