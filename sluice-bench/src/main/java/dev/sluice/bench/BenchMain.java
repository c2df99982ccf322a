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
import java.time.Duration;
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

  /**
   * Every throughput load, either loader, goes into this one index, deleted and created again in
   * between: the action lines, and so the request bodies, are then byte for byte the same.
   */
  private static final String THROUGHPUT_INDEX = "bench-throughput";

  /** How long to wait for the node to settle before a load; it usually takes a few seconds. */
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

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
      EsTestClient client = EsTestClient.forNode(node);
      SluiceLoad sluice = new SluiceLoad(node.httpUrl(), deadLetters.toString());
      // The baseline cuts and sends its bodies as Sluice's defaults would; Sluice may be tuned.
      BatchSettings batch = sluice.config(THROUGHPUT_INDEX, Map.of()).batch();
      SluiceConfig tuned = sluice.config(THROUGHPUT_INDEX, options.sluiceOptions());
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
      BulkBodies bodies = BulkBodies.build(THROUGHPUT_INDEX, docs, maxDocs, batch.maxBytes());
      setup.put("baseline_bodies", bodies.bodies().size());
      Loads loads =
          new Loads(
              client,
              new NodeSettler(client, node.processHandle(), SETTLE_LIMIT),
              new ResourceMeter(node.processHandle()));
      RawBulkClient raw = new RawBulkClient(node.httpUrl(), FILTER_PATH);
      warmUp(loads, raw, sluice, sources, bodies, maxDocs, batch);

      for (int run = 1; run <= options.runs(); run++) {
        // Alternate which loader goes first (baseline, sluice, sluice, baseline, ...), so that a
        // drift of the node over the run (heap, page cache, the machine's other work) weighs on
        // both alike, and each round's ratio compares two loads made back to back.
        if (run % 2 == 1) {
          timedBaselineLoad(run, loads, raw, bodies, batch);
          timedSluiceLoad(run, loads, tuned, sources);
        } else {
          timedSluiceLoad(run, loads, tuned, sources);
          timedBaselineLoad(run, loads, raw, bodies, batch);
        }
      }
    }
  }

  private void timedBaselineLoad(
      int run, Loads loads, RawBulkClient raw, BulkBodies bodies, BatchSettings batch)
      throws InterruptedException {
    Loads.Measured measured =
        loads.measure(THROUGHPUT_INDEX, () -> raw.sendAll(bodies.bodies(), batch.concurrency()));
    record(
        new LoadRun(
            "throughput",
            "baseline",
            run,
            options.docs(),
            bodies.totalBytes(),
            measured.nanos(),
            measured.usage(),
            null,
            0,
            measured.node(),
            measured.settled()));
    verify(loads.index(), THROUGHPUT_INDEX, options.docs(), "baseline run " + run);
  }

  private void timedSluiceLoad(int run, Loads loads, SluiceConfig config, byte[][] sources)
      throws InterruptedException {
    LoadResult[] result = new LoadResult[1];
    Loads.Measured measured =
        loads.measure(
            THROUGHPUT_INDEX,
            () -> result[0] = SluiceLoad.load(config, "bench-" + run, sources, options.docs()));
    record(sluiceRun("throughput", "sluice", run, result[0], measured, config));
    checkResult(result[0], options.docs(), "sluice run " + run);
    verify(loads.index(), THROUGHPUT_INDEX, options.docs(), "sluice run " + run);
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
      Loads loads,
      RawBulkClient raw,
      SluiceLoad sluice,
      byte[][] sources,
      BulkBodies bodies,
      int maxDocs,
      BatchSettings batch)
      throws InterruptedException {
    int docs = Math.min(options.docs(), options.warmUpDocs());
    LOG.info("warming up with {} documents per loader (untimed), after a shorter load", docs);
    SluiceConfig config = sluice.config(THROUGHPUT_INDEX, options.sluiceOptions());
    for (int count : new int[] {Math.max(1, docs / 10), docs}) {
      List<byte[]> warmBodies =
          count == options.docs()
              ? bodies.bodies()
              : BulkBodies.build(
                      THROUGHPUT_INDEX,
                      java.util.Arrays.copyOf(sources, count),
                      maxDocs,
                      batch.maxBytes())
                  .bodies();
      loads.measure(THROUGHPUT_INDEX, () -> raw.sendAll(warmBodies, batch.concurrency()));
      verify(loads.index(), THROUGHPUT_INDEX, count, "warm-up (baseline)");
      LoadResult[] result = new LoadResult[1];
      loads.measure(
          THROUGHPUT_INDEX,
          () -> result[0] = SluiceLoad.load(config, "bench-warm-up", sources, count));
      checkResult(result[0], count, "warm-up (sluice)");
      verify(loads.index(), THROUGHPUT_INDEX, count, "warm-up (sluice)");
    }
  }

  private void throttled(byte[][] sources) throws InterruptedException {
    NodeSpec spec = NodeSpec.builder().name("bench-tiny").heap("512m").tinyWriteQueue().build();
    LOG.info("starting {}", spec);
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      EsTestClient client = EsTestClient.forNode(node);
      SluiceLoad sluice = new SluiceLoad(node.httpUrl(), deadLetters.toString());
      Loads loads =
          new Loads(
              client,
              new NodeSettler(client, node.processHandle(), SETTLE_LIMIT),
              new ResourceMeter(node.processHandle()));
      int docs = options.throttledDocs();
      for (String flow : List.of("adaptive", "fixed")) {
        String target = "bench-throttled-" + flow;
        Map<String, String> overrides = new LinkedHashMap<>(options.sluiceOptions());
        overrides.put("sluice.flow.adaptive", Boolean.toString(flow.equals("adaptive")));
        SluiceConfig config = sluice.config(target, overrides);
        LoadResult[] result = new LoadResult[1];
        Loads.Measured measured =
            loads.measure(
                target, () -> result[0] = SluiceLoad.load(config, "bench-" + flow, sources, docs));
        record(sluiceRun("throttled", flow, 1, result[0], measured, config));
        checkResult(result[0], docs, flow + " flow on the tiny-queue node");
        verify(loads.index(), target, docs, flow + " flow on the tiny-queue node");
      }
    }
  }

  private static LoadRun sluiceRun(
      String phase,
      String variant,
      int run,
      LoadResult result,
      Loads.Measured measured,
      SluiceConfig config) {
    LoadCounters c = result.counters();
    return new LoadRun(
        phase,
        variant,
        run,
        c.read(),
        c.bytesSent(),
        measured.nanos(),
        measured.usage(),
        c,
        config.batch().memoryMaxBytes(),
        measured.node(),
        measured.settled());
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
