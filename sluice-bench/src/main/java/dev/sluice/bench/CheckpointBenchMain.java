package dev.sluice.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.BatchSettings;
import dev.sluice.core.config.CheckpointSettings;
import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench-checkpoint}: what checkpointing costs. The same cached DataFrame is loaded
 * through {@code format("sluice")} with default settings into a fresh index, alternately without
 * and with {@code sluice.checkpoint.path} (a fresh directory each time), on one local Elasticsearch
 * node and Spark in local mode. Prints throughput of each and the overhead, 1 - with / without.
 * Fails (exit 1) when any load does not end with exactly every row indexed, or a checkpointed one
 * does not record every row.
 */
public final class CheckpointBenchMain {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointBenchMain.class);
  // Lenient, so that a counter added to the report later does not stop the benchmark.
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final int WARM_UP_DOCS = 100_000;

  private final CheckpointBenchOptions options;
  private final Path work;
  private final List<CheckpointBenchRun> runs = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Object> setup = new LinkedHashMap<>();

  private CheckpointBenchMain(CheckpointBenchOptions options) throws IOException {
    this.options = options;
    this.work = Files.createTempDirectory("sluice-bench-checkpoint");
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(CheckpointBenchOptions.USAGE);
      return;
    }
    CheckpointBenchOptions options;
    try {
      options = CheckpointBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench-checkpoint: " + e.getMessage());
      System.err.print(CheckpointBenchOptions.USAGE);
      System.exit(2);
      return;
    }
    int status;
    try {
      status = new CheckpointBenchMain(options).run() ? 0 : 1;
    } catch (Exception e) {
      LOG.error("benchmark stopped", e);
      System.out.println("BENCHMARK FAILED: " + e);
      status = 1;
    }
    System.exit(status);
  }

  /** True when every load verified. */
  private boolean run() throws IOException, InterruptedException {
    setup.put("docs", options.docs());
    setup.put("runs", options.runs());
    setup.put("partitions", options.partitions());
    setup.put("cpus", Runtime.getRuntime().availableProcessors());
    setup.put("jvm_max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
    NodeSpec spec = NodeSpec.builder().name("bench-checkpoint").heap("1g").build();
    LOG.info("starting {}", spec);
    try (LocalElasticsearch node = LocalElasticsearch.start(spec);
        SparkSession spark = startSpark()) {
      setup.put("es_heap", spec.heap());
      setup.put("spark", spark.version() + " " + spark.sparkContext().master());
      describeDefaults(node);
      EsTestClient client = EsTestClient.forNode(node);
      Loads loads = new Loads(node, client, new ResourceMeter(node.processHandle()));
      warmUp(spark, loads);
      LOG.info(
          "generating and caching {} rows in {} partitions", options.docs(), options.partitions());
      Dataset<Row> data =
          CheckpointBenchData.generate(spark, options.docs(), options.partitions()).cache();
      long count = data.count();
      if (count != options.docs()) {
        throw new IllegalStateException("generated " + count + " rows, not " + options.docs());
      }
      for (int run = 1; run <= options.runs(); run++) {
        // Alternate which goes first, so neither always inherits the node's state (merges, page
        // cache, heap) from the other.
        boolean checkpointFirst = run % 2 == 0;
        record(loads.load(data, options.docs(), checkpointFirst, run));
        record(loads.load(data, options.docs(), !checkpointFirst, run));
      }
      data.unpersist(true);
    } finally {
      if (!runs.isEmpty()) {
        setup.put("avg_body_bytes_per_doc", runs.get(0).bodyBytes() / runs.get(0).docs());
      }
      new CheckpointBenchReport(System.out, setup, runs).print();
    }
    deleteTree(work);
    failures.forEach(f -> System.out.println("BENCHMARK FAILED: " + f));
    return failures.isEmpty();
  }

  /** Spark in local mode as {@code bin/sluice} runs it: all cores, no web UI, loopback only. */
  private static SparkSession startSpark() {
    return SparkSession.builder()
        .appName("sluice-bench-checkpoint")
        .master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  private void describeDefaults(LocalElasticsearch node) {
    SluiceConfig defaults =
        SluiceConfig.fromOptions(
            Map.of(
                "es.nodes", node.httpUrl(),
                "es.resource", "bench-checkpoint",
                "sluice.checkpoint.path", work.toString()));
    BatchSettings batch = defaults.batch();
    CheckpointSettings checkpoint = defaults.checkpoint();
    setup.put("batch_max_docs", batch.maxDocs());
    setup.put("batch_max_bytes", batch.maxBytes());
    setup.put("concurrency", batch.concurrency());
    setup.put("adaptive_flow", batch.adaptive());
    setup.put("checkpoint_every_rows", checkpoint.everyRows());
    setup.put("checkpoint_every", checkpoint.every().toString());
    setup.put("checkpoint_segment_rows", checkpoint.segmentRows());
  }

  /**
   * An untimed load each way first, so that neither timed run 1 pays for a cold node (JIT, first
   * segments) or cold Spark and connector code.
   */
  private void warmUp(SparkSession spark, Loads loads) throws IOException, InterruptedException {
    int docs = Math.min(options.docs(), WARM_UP_DOCS);
    LOG.info("warming up with {} rows each way (untimed)", docs);
    Dataset<Row> warm = CheckpointBenchData.generate(spark, docs, options.partitions()).cache();
    warm.count();
    loads.load(warm, docs, false, 0);
    loads.load(warm, docs, true, 0);
    warm.unpersist(true);
  }

  private void record(CheckpointBenchRun run) {
    runs.add(run);
    LOG.info(
        "run {} {}: {} docs in {} s = {} docs/s",
        run.run(),
        run.variant(),
        run.docs(),
        String.format(java.util.Locale.ROOT, "%.2f", run.seconds()),
        String.format(java.util.Locale.ROOT, "%.0f", run.docsPerSecond()));
  }

  /** One load through the connector, measured and then checked. */
  private final class Loads {
    private final LocalElasticsearch node;
    private final EsTestClient client;
    private final BenchIndex index;
    private final ResourceMeter meter;

    Loads(LocalElasticsearch node, EsTestClient client, ResourceMeter meter) {
      this.node = node;
      this.client = client;
      this.index = new BenchIndex(client);
      this.meter = meter;
    }

    /**
     * @param run 0 for the warm-up
     */
    CheckpointBenchRun load(Dataset<Row> data, long docs, boolean checkpointed, int run)
        throws IOException, InterruptedException {
      String name = "bench-checkpoint-" + (checkpointed ? "with" : "without") + "-" + run;
      String what = (run == 0 ? "warm-up" : "run " + run) + (checkpointed ? " with" : " without");
      recreate(name);
      Path dir = Files.createTempDirectory(work, "run");
      Path checkpoint = dir.resolve("checkpoint");
      Path report = dir.resolve("report.json");
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("es.nodes", node.httpUrl());
      settings.put("es.resource", name);
      settings.put("es.mapping.id", "id");
      // Not a performance setting: keeps any dead letters out of the working directory.
      settings.put("sluice.deadletter.path", dir.resolve("dead-letters").toString());
      settings.put("sluice.report.path", report.toString());
      if (checkpointed) {
        settings.put("sluice.checkpoint.path", checkpoint.toString());
      }
      CheckpointWatch watch = checkpointed ? CheckpointWatch.start(checkpoint) : null;
      CheckpointWatch.Summary written = null;
      long nanos;
      ResourceMeter.Usage usage;
      LOG.info("{}: loading {} rows into {}", what, docs, name);
      try {
        meter.start();
        long start = System.nanoTime();
        data.write().format("sluice").mode("append").options(settings).save();
        nanos = System.nanoTime() - start;
        usage = meter.stop();
        if (watch != null) {
          written = watch.finish();
        }
      } finally {
        if (watch != null) {
          watch.close();
        }
      }
      LoadCounters counters = check(report, docs, what);
      if (checkpointed) {
        checkFinished(checkpoint, docs, what);
      }
      try {
        index.verify(name, docs);
      } catch (IllegalStateException e) {
        failures.add(what + ": " + e.getMessage());
      } finally {
        index.delete(name);
      }
      deleteTree(dir);
      return new CheckpointBenchRun(checkpointed, run, docs, nanos, usage, counters, written);
    }

    /** Like {@link BenchIndex#recreate}, with this benchmark's mapping. */
    private void recreate(String name) {
      client.delete("/" + name); // 404 when absent: fine
      EsTestClient.Response created =
          client.createIndex(
              name,
              "{\"settings\":{\"index\":{\"number_of_shards\":1,\"number_of_replicas\":0,"
                  + "\"refresh_interval\":\"-1\"}},\"mappings\":"
                  + CheckpointBenchData.MAPPING
                  + "}");
      if (!created.isSuccess()) {
        throw new IllegalStateException(
            "create index " + name + " failed: " + created.status() + " " + created.body());
      }
    }

    /** Checks the connector's report; returns the job's counters. */
    private LoadCounters check(Path report, long docs, String what) throws IOException {
      JsonNode root = JSON.readTree(report.toFile());
      LoadCounters c = JSON.treeToValue(root.path("counters"), LoadCounters.class);
      if (c.deadLettered() != 0) {
        failures.add(
            what
                + ": "
                + c.deadLettered()
                + " DEAD LETTERS "
                + c.deadLetteredByReason()
                + " (must be 0)");
      }
      if (!root.path("reconciles").asBoolean() || c.indexed() != docs) {
        failures.add(what + ": expected " + docs + " indexed; report counters " + c);
      }
      return c;
    }

    /** The checkpoint must say the job finished with every row settled. */
    private void checkFinished(Path checkpoint, long docs, String what) throws IOException {
      Path finished = checkpoint.resolve("finished.json");
      if (!Files.exists(finished)) {
        failures.add(what + ": no " + finished + " after the load");
        return;
      }
      long rows = JSON.readTree(finished.toFile()).path("rows").asLong();
      if (rows != docs) {
        failures.add(what + ": the checkpoint records " + rows + " rows, not " + docs);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
