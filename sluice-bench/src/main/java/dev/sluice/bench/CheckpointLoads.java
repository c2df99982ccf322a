package dev.sluice.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.LocalElasticsearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads of {@code bin/bench-checkpoint}: one {@code format("sluice")} write each, into a fresh
 * index, measured, then checked through the connector's report, the checkpoint's finished marker
 * and the index's count. A failed check is recorded in {@link Failures}.
 */
final class CheckpointLoads {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointLoads.class);

  /**
   * Where the connector writes its job report; declared by sluice-spark, which keeps it private.
   */
  private static final String REPORT_PATH = ConfigKeys.REPORT_PATH.name();

  // Lenient, so that a counter added to the report later does not stop the benchmark.
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final LocalElasticsearch node;
  private final BenchIndex index;
  private final ResourceMeter meter;
  private final Path work;
  private final Failures failures;

  /**
   * @param work a directory for the checkpoints, reports and dead letters of the loads
   */
  CheckpointLoads(LocalElasticsearch node, Path work, Failures failures) {
    this.node = node;
    this.index = new BenchIndex(EsTestClient.forNode(node));
    this.meter = new ResourceMeter(node.processHandle());
    this.work = work;
    this.failures = failures;
  }

  /**
   * @param run 0 for the warm-up
   */
  CheckpointBenchRun load(Dataset<Row> data, long docs, boolean checkpointed, int run)
      throws IOException, InterruptedException {
    String name = "bench-checkpoint-" + (checkpointed ? "with" : "without") + "-" + run;
    String what = (run == 0 ? "warm-up" : "run " + run) + (checkpointed ? " with" : " without");
    index.recreate(name);
    Path dir = Files.createTempDirectory(work, "run");
    Path checkpoint = dir.resolve("checkpoint");
    Path report = dir.resolve("report.json");
    Map<String, String> extra = new HashMap<>();
    extra.put(REPORT_PATH, report.toString());
    if (checkpointed) {
      extra.put(ConfigKeys.CHECKPOINT_PATH.name(), checkpoint.toString());
    }
    Map<String, String> settings =
        new SluiceLoad(node.httpUrl(), dir.resolve("dead-letters").toString()).options(name, extra);
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
    LoadCounters counters = checkReport(report, docs, what);
    if (checkpointed) {
      checkFinished(checkpoint, docs, what);
    }
    failures.checkIndex(index, name, docs, what);
    deleteTree(dir);
    return new CheckpointBenchRun(checkpointed, run, docs, nanos, usage, counters, written);
  }

  /** Checks the connector's report; returns the job's counters. */
  private LoadCounters checkReport(Path report, long docs, String what) throws IOException {
    JsonNode root = JSON.readTree(report.toFile());
    LoadCounters c = JSON.treeToValue(root.path("counters"), LoadCounters.class);
    boolean reconciles = root.path("reconciles").asBoolean();
    failures.checkCounters(what, c, reconciles, docs, "report counters " + c);
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

  static void deleteTree(Path root) throws IOException {
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
