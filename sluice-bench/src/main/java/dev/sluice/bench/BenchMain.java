package dev.sluice.bench;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.SluiceException;
import dev.sluice.core.config.BatchSettings;
import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench}: (1) Sluice with default settings against pre-built {@code _bulk} bodies sent
 * by a bare HTTP client, alternating, on one local node; (2) adaptive against fixed flow on a node
 * with a tiny write queue; (3) Sluice's peak bytes held against its cap, and this JVM's heap. Fails
 * (exit 1) when any load does not end with exactly every document indexed. {@code --option} changes
 * Sluice's settings (every Sluice load), never the baseline's, so a sweep compares each setting
 * with the same baseline.
 */
public final class BenchMain {
  private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
  private static final String BASELINE_INDEX = "bench-baseline";
  private static final String SLUICE_INDEX = "bench-sluice";
  private static final String WARM_UP_INDEX = "bench-warm-up";

  /** The filter Sluice's transport asks for; the baseline asks for the same. */
  private static final String FILTER_PATH =
      "errors,items.*.status,items.*.result,items.*.error,error,status";

  private final BenchOptions options;
  private final List<LoadRun> runs = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Object> setup = new LinkedHashMap<>();
  private final Path deadLetters;

  private BenchMain(BenchOptions options) throws IOException {
    this.options = options;
    this.deadLetters = Files.createTempDirectory("sluice-bench-deadletter");
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
      // A mistyped option fails now, not after the documents are generated and the node started.
      new SluiceLoad("http://127.0.0.1:9200", "unused").config("check", options.sluiceOptions());
    } catch (IllegalArgumentException | SluiceException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    int status;
    try {
      status = new BenchMain(options).run() ? 0 : 1;
    } catch (Exception e) {
      LOG.error("benchmark stopped", e);
      System.out.println("BENCHMARK FAILED: " + e);
      status = 1;
    }
    System.exit(status);
  }

  /** True when every load verified. */
  private boolean run() throws InterruptedException {
    int generated = Math.max(options.docs(), options.skipThrottled() ? 0 : options.throttledDocs());
    LOG.info("generating {} documents", generated);
    byte[][] sources = new byte[generated][];
    long sourceBytes = 0;
    for (int n = 0; n < generated; n++) {
      sources[n] = DocumentGenerator.source(n);
      sourceBytes += sources[n].length;
    }
    setup.put("docs", options.docs());
    setup.put("throttled_docs", options.skipThrottled() ? 0 : options.throttledDocs());
    setup.put("runs", options.runs());
    setup.put("warm_up_docs", Math.min(options.docs(), options.warmUpDocs()));
    setup.put("avg_source_bytes", sourceBytes / generated);
    setup.put("cpus", Runtime.getRuntime().availableProcessors());
    setup.put("jvm_max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
    try {
      throughput(sources);
      if (!options.skipThrottled()) {
        throttled(sources);
      }
    } finally {
      new Report(System.out, setup, runs).print();
    }
    try (var files = Files.list(deadLetters)) {
      if (files.findAny().isPresent()) {
        System.out.println("dead letters were written under " + deadLetters);
      }
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", deadLetters, e.toString());
    }
    failures.forEach(f -> System.out.println("BENCHMARK FAILED: " + f));
    return failures.isEmpty();
  }

  private void throughput(byte[][] sources) throws InterruptedException {
    NodeSpec spec = NodeSpec.builder().name("bench").heap("1g").build();
    LOG.info("starting {}", spec);
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      BenchIndex index = new BenchIndex(EsTestClient.forNode(node));
      SluiceLoad sluice = new SluiceLoad(node.httpUrl(), deadLetters.toString());
      // The baseline cuts and sends its bodies as Sluice's defaults would; Sluice may be tuned.
      BatchSettings batch = sluice.config(SLUICE_INDEX, Map.of()).batch();
      SluiceConfig tuned = sluice.config(SLUICE_INDEX, options.sluiceOptions());
      BatchSettings sluiceBatch = tuned.batch();
      int maxDocs = batch.maxDocs() == 0 ? Integer.MAX_VALUE : batch.maxDocs();
      setup.put("es_heap", spec.heap());
      setup.put("batch_max_docs", batch.maxDocs());
      setup.put("batch_max_bytes", batch.maxBytes());
      setup.put("concurrency", batch.concurrency());
      setup.put("memory_cap_bytes", batch.memoryMaxBytes());
      setup.put("adaptive_flow", batch.adaptive());
      setup.put("flush_interval", batch.flushInterval().toString());
      if (!options.sluiceOptions().isEmpty()) {
        setup.put("sluice_options", new java.util.TreeMap<>(options.sluiceOptions()));
        setup.put("sluice_batch_max_docs", sluiceBatch.maxDocs());
        setup.put("sluice_batch_max_bytes", sluiceBatch.maxBytes());
        setup.put("sluice_concurrency", sluiceBatch.concurrency());
        setup.put("sluice_memory_cap_bytes", sluiceBatch.memoryMaxBytes());
        setup.put("sluice_adaptive_flow", sluiceBatch.adaptive());
      }

      LOG.info("building baseline bodies");
      byte[][] docs = java.util.Arrays.copyOf(sources, options.docs());
      BulkBodies bodies = BulkBodies.build(BASELINE_INDEX, docs, maxDocs, batch.maxBytes());
      setup.put("baseline_bodies", bodies.bodies().size());
      RawBulkClient raw = new RawBulkClient(node.httpUrl(), FILTER_PATH);
      ResourceMeter meter = new ResourceMeter(node.processHandle());
      warmUp(index, raw, sluice, sources, maxDocs, batch);

      for (int run = 1; run <= options.runs(); run++) {
        // Alternate which loader goes first, so neither always inherits the node's state (heap,
        // page cache, translog) from the other.
        if (run % 2 == 1) {
          timedBaselineLoad(run, index, raw, bodies, batch, meter, options);
          timedSluiceLoad(run, index, tuned, sources, meter, options);
        } else {
          timedSluiceLoad(run, index, tuned, sources, meter, options);
          timedBaselineLoad(run, index, raw, bodies, batch, meter, options);
        }
      }
    }
  }

  private void timedBaselineLoad(
      int run,
      BenchIndex index,
      RawBulkClient raw,
      BulkBodies bodies,
      BatchSettings batch,
      ResourceMeter meter,
      BenchOptions options)
      throws InterruptedException {
    index.recreate(BASELINE_INDEX);
    meter.start();
    long start = System.nanoTime();
    raw.sendAll(bodies.bodies(), batch.concurrency());
    long nanos = System.nanoTime() - start;
    record(
        new LoadRun(
            "throughput",
            "baseline",
            run,
            options.docs(),
            bodies.totalBytes(),
            nanos,
            meter.stop(),
            null,
            0));
    verify(index, BASELINE_INDEX, options.docs(), "baseline run " + run);
  }

  private void timedSluiceLoad(
      int run,
      BenchIndex index,
      SluiceConfig config,
      byte[][] sources,
      ResourceMeter meter,
      BenchOptions options)
      throws InterruptedException {
    index.recreate(SLUICE_INDEX);
    meter.start();
    long start = System.nanoTime();
    LoadResult result = SluiceLoad.load(config, "bench-" + run, sources, options.docs());
    long nanos = System.nanoTime() - start;
    record(sluiceRun("throughput", "sluice", run, result, nanos, meter.stop(), config));
    checkResult(result, options.docs(), "sluice run " + run);
    verify(index, SLUICE_INDEX, options.docs(), "sluice run " + run);
  }

  /**
   * An untimed load through each loader first, so that neither timed run 1 pays for a cold node
   * (JIT, first segments) or cold client code: without it the first load of a run was up to 30%
   * slower, whichever loader went first. 100,000 documents (10 requests) were too few: a JFR
   * recording showed the JIT compiling the loader's per-request methods (response handling, batch
   * cutting) with C2 for ~3.5 s of compiler time inside the first timed Sluice load, and the first
   * timed load of either loader still cost Elasticsearch more CPU than later ones (see {@link
   * BenchOptions#DEFAULT_WARM_UP_DOCS}).
   */
  private void warmUp(
      BenchIndex index,
      RawBulkClient raw,
      SluiceLoad sluice,
      byte[][] sources,
      int maxDocs,
      BatchSettings batch)
      throws InterruptedException {
    int docs = Math.min(options.docs(), options.warmUpDocs());
    LOG.info("warming up with {} documents per loader (untimed)", docs);
    byte[][] warm = java.util.Arrays.copyOf(sources, docs);
    index.recreate(WARM_UP_INDEX);
    raw.sendAll(
        BulkBodies.build(WARM_UP_INDEX, warm, maxDocs, batch.maxBytes()).bodies(),
        batch.concurrency());
    SluiceLoad.load(
        sluice.config(WARM_UP_INDEX, options.sluiceOptions()), "bench-warm-up", sources, docs);
    verify(index, WARM_UP_INDEX, docs, "warm-up");
  }

  private void throttled(byte[][] sources) throws InterruptedException {
    NodeSpec spec = NodeSpec.builder().name("bench-tiny").heap("512m").tinyWriteQueue().build();
    LOG.info("starting {}", spec);
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      BenchIndex index = new BenchIndex(EsTestClient.forNode(node));
      SluiceLoad sluice = new SluiceLoad(node.httpUrl(), deadLetters.toString());
      ResourceMeter meter = new ResourceMeter(node.processHandle());
      int docs = options.throttledDocs();
      for (String flow : List.of("adaptive", "fixed")) {
        String target = "bench-throttled-" + flow;
        Map<String, String> overrides = new LinkedHashMap<>(options.sluiceOptions());
        overrides.put("sluice.flow.adaptive", Boolean.toString(flow.equals("adaptive")));
        SluiceConfig config = sluice.config(target, overrides);
        index.recreate(target);
        meter.start();
        long start = System.nanoTime();
        LoadResult result = SluiceLoad.load(config, "bench-" + flow, sources, docs);
        long nanos = System.nanoTime() - start;
        record(sluiceRun("throttled", flow, 1, result, nanos, meter.stop(), config));
        checkResult(result, docs, flow + " flow on the tiny-queue node");
        verify(index, target, docs, flow + " flow on the tiny-queue node");
      }
    }
  }

  private static LoadRun sluiceRun(
      String phase,
      String variant,
      int run,
      LoadResult result,
      long nanos,
      ResourceMeter.Usage usage,
      SluiceConfig config) {
    LoadCounters c = result.counters();
    return new LoadRun(
        phase,
        variant,
        run,
        c.read(),
        c.bytesSent(),
        nanos,
        usage,
        c,
        config.batch().memoryMaxBytes());
  }

  private void record(LoadRun run) {
    runs.add(run);
    LOG.info(
        "{} {} run {}: {} docs in {} s = {} docs/s",
        run.phase(),
        run.variant(),
        run.run(),
        run.docs(),
        String.format(java.util.Locale.ROOT, "%.2f", run.seconds()),
        String.format(java.util.Locale.ROOT, "%.0f", run.docsPerSecond()));
  }

  private void checkResult(LoadResult result, long expected, String what) {
    LoadCounters c = result.counters();
    if (c.deadLettered() != 0) {
      failures.add(
          what
              + ": "
              + c.deadLettered()
              + " DEAD LETTERS "
              + c.deadLetteredByReason()
              + " (must be 0)");
    }
    if (!result.reconciles() || c.indexed() != expected) {
      failures.add(what + ": expected " + expected + " indexed; " + result.reconciliation());
    }
  }

  private void verify(BenchIndex index, String name, long expected, String what) {
    try {
      index.verify(name, expected);
    } catch (IllegalStateException e) {
      failures.add(what + ": " + e.getMessage());
    } finally {
      index.delete(name);
    }
  }
}
