package dev.sluice.bench;

import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.BatchSettings;
import dev.sluice.core.config.CheckpointSettings;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private static final int WARM_UP_DOCS = 100_000;

  private final CheckpointBenchOptions options;
  private final Path work;
  private final List<CheckpointBenchRun> runs = new ArrayList<>();
  private final Failures failures = new Failures();
  private final Map<String, Object> setup = new LinkedHashMap<>();

  private CheckpointBenchMain(CheckpointBenchOptions options) throws IOException {
    this.options = options;
    this.work = Files.createTempDirectory("sluice-bench-checkpoint");
  }

  public static void main(String[] args) {
    Launcher.main(
        "bench-checkpoint",
        CheckpointBenchOptions.USAGE,
        args,
        CheckpointBenchOptions::parse,
        options -> new CheckpointBenchMain(options).run());
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
      CheckpointLoads loads = new CheckpointLoads(node, work, failures);
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
      new ReportWriter(System.out)
          .print(
              "Sluice checkpoint overhead benchmark", setup, runs, new CheckpointBenchReport(runs));
    }
    CheckpointLoads.deleteTree(work);
    failures.print(System.out);
    return failures.none();
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
        new SluiceLoad(node.httpUrl(), work.toString())
            .config("bench-checkpoint", Map.of(ConfigKeys.CHECKPOINT_PATH.name(), work.toString()));
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
  private void warmUp(SparkSession spark, CheckpointLoads loads)
      throws IOException, InterruptedException {
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
    LOG.info("run {} {}: {}", run.run(), run.variant(), run.summary());
  }
}
