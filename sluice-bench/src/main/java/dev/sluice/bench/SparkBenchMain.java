package dev.sluice.bench;

import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench-spark}: the Spark write path as users run it, Sluice against
 * elasticsearch-hadoop and a raw {@code _bulk} baseline, on one local node, then Sluice under
 * throttling (see {@link SparkBenchOptions#USAGE}). Runs on the Spark 3.5 build, the one
 * elasticsearch-hadoop has.
 */
public final class SparkBenchMain {
  private static final Logger LOG = LoggerFactory.getLogger(SparkBenchMain.class);
  private static final String FILTER_PATH =
      "errors,items.*.status,items.*.result,items.*.error,error,status";
  private static final int RAW_DOCS_PER_BODY = 5000;
  private static final int RAW_CONNECTIONS = 2;
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final SparkBenchOptions options;
  private final List<SparkLoadRun> runs = new ArrayList<>();
  private final List<SparkThrottlingPhase.Case> throttled = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  private SparkBenchMain(SparkBenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Launcher.main(
        "bench-spark",
        SparkBenchOptions.USAGE,
        args,
        SparkBenchOptions::parse,
        options -> new SparkBenchMain(options).run());
  }

  private boolean run() throws IOException, InterruptedException {
    Path work = Files.createDirectories(Path.of("target", "bench-spark"));
    NodeSpec spec = NodeSpec.builder().name("bench-spark").heap("1g").build();
    try (LocalElasticsearch node = LocalElasticsearch.start(spec);
        SparkSession spark = startSpark()) {
      Dataset<Row> events = LogEvents.read(spark, options.rows(), options.partitions(), work);
      Dataset<Row> warmUp = events.limit(options.warmUpRows());
      if (options.throughput()) {
        try (ShimProcess shim = ShimProcess.start(node.httpUrl())) {
          compareLoaders(node, shim, events, warmUp);
        }
      }
      if (options.throttling()) {
        SparkThrottlingPhase phase = new SparkThrottlingPhase(events, options.rows(), failures);
        // After the loaders' rounds Spark is warm; alone, it needs the warm-up.
        throttled.addAll(
            phase.run(node, options.throughput() ? null : warmUp, options.warmUpRows()));
      }
    } finally {
      if (options.throughput()) {
        SparkBenchReport.print(System.out, options, runs);
      }
      if (!throttled.isEmpty()) {
        SparkThrottlingPhase.print(System.out, throttled);
      }
      failures.forEach(f -> System.out.println("FAILED: " + f));
    }
    return failures.isEmpty();
  }

  private void compareLoaders(
      LocalElasticsearch node, ShimProcess shim, Dataset<Row> events, Dataset<Row> warmUp)
      throws InterruptedException {
    SparkTarget target = new SparkTarget(node);
    ResourceMeter meter = new ResourceMeter(node.processHandle());
    BulkBodies bodies = options.loaders().contains(SparkLoader.RAW) ? rawBodies(events) : null;
    LOG.info("warming up: {} rows through each loader, untimed", options.warmUpRows());
    for (SparkLoader loader : options.loaders()) {
      if (loader.throughSpark()) {
        load(loader, 0, warmUp, options.warmUpRows(), null, shim, target, meter);
      }
    }
    List<SparkLoader> order = new ArrayList<>(options.loaders());
    for (int round = 1; round <= options.rounds(); round++) {
      for (SparkLoader loader : order) {
        runs.add(load(loader, round, events, options.rows(), bodies, shim, target, meter));
      }
      // Rotate, so that each loader takes each place in the order over the rounds.
      order.add(order.remove(0));
    }
  }

  private SparkLoadRun load(
      SparkLoader loader,
      int round,
      Dataset<Row> events,
      long rows,
      BulkBodies bodies,
      ShimProcess shim,
      SparkTarget target,
      ResourceMeter meter)
      throws InterruptedException {
    target.prepare();
    String what = (round == 0 ? "warm-up " : "round " + round + " ") + loader.label();
    LOG.info("{}: {} rows", what, rows);
    long shimCpu = shim.cpuNanos();
    meter.start();
    long jitMillis = JIT.getTotalCompilationTime();
    long start = System.nanoTime();
    try {
      if (loader.throughSpark()) {
        loader.writer(events, shim.hostAndPort(), SparkTarget.INDEX).save();
      } else {
        new RawBulkClient(target.client().baseUrl(), FILTER_PATH)
            .sendAll(bodies.bodies(), RAW_CONNECTIONS);
        // Both connectors end their loads with a refresh (es.batch.write.refresh, true by
        // default), which writes what the node still buffers into a segment; without one here,
        // that work fell outside raw's window (into the count after it), flattering its node CPU.
        target.refresh("raw's load");
      }
    } catch (Exception e) { // Spark throws its checked SparkException undeclared
      failures.add(what + ": " + e);
      LOG.error("{} failed", what, e);
    }
    long nanos = System.nanoTime() - start;
    long jitNanos = (JIT.getTotalCompilationTime() - jitMillis) * 1_000_000;
    ResourceMeter.Usage usage = meter.stop();
    long shimNanos = shim.cpuNanos() - shimCpu;
    long count = loader.indexes() ? target.count(what) : rows;
    if (count != rows) {
      failures.add(what + ": expected " + rows + " documents, found " + count);
    }
    SparkLoadRun run =
        new SparkLoadRun(
            loader,
            round,
            rows,
            nanos,
            usage.clientCpuNanos(),
            usage.esCpuNanos(),
            shimNanos,
            usage.gcMillis() * 1_000_000,
            jitNanos);
    LOG.info("{}: {} docs/s", what, Math.round(run.docsPerSecond()));
    return run;
  }

  /** The rows as {@code _bulk} bodies with sequential ids, read once, before any timing. */
  private BulkBodies rawBodies(Dataset<Row> events) {
    LOG.info("building the raw baseline's bodies");
    byte[][] sources = new byte[options.rows()][];
    Iterator<String> json = events.toJSON().toLocalIterator();
    for (int n = 0; n < sources.length; n++) {
      sources[n] = json.next().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return BulkBodies.build(SparkTarget.INDEX, sources, RAW_DOCS_PER_BODY, Long.MAX_VALUE);
  }

  /** Spark in local mode as users run it on one machine: all cores, no web UI, loopback only. */
  private static SparkSession startSpark() {
    return SparkSession.builder()
        .appName("sluice-bench-spark")
        .master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
