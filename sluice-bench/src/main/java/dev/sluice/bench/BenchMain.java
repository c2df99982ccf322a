package dev.sluice.bench;

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
 * by a bare HTTP client, alternating, on one local node ({@link ThroughputPhase}); (2) adaptive
 * against fixed flow on a node with a tiny write queue ({@link ThrottledPhase}); (3) Sluice's peak
 * bytes held against its cap, and this JVM's heap. Fails (exit 1) when any load does not end with
 * exactly every document indexed. {@code --option} changes Sluice's settings (every Sluice load),
 * never the baseline's.
 */
public final class BenchMain {
  private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

  private final BenchOptions options;
  private final List<LoadRun> runs = new ArrayList<>();
  private final Failures failures = new Failures();
  private final Map<String, Object> setup = new LinkedHashMap<>();
  private final Path deadLetters;

  private BenchMain(BenchOptions options) throws IOException {
    this.options = options;
    this.deadLetters = Files.createTempDirectory("sluice-bench-deadletter");
  }

  public static void main(String[] args) {
    Launcher.main(
        "bench",
        BenchOptions.USAGE,
        args,
        BenchMain::parse,
        options -> new BenchMain(options).run());
  }

  /**
   * A mistyped Sluice option fails now, not after the documents are generated and nodes started.
   */
  private static BenchOptions parse(String[] args) {
    BenchOptions options = BenchOptions.parse(args);
    new SluiceLoad("http://127.0.0.1:9200", "unused").config("check", options.sluiceOptions());
    return options;
  }

  /** True when every load verified. */
  private boolean run() throws InterruptedException {
    int throttledDocs = options.skipThrottled() && !options.flow() ? 0 : options.throttledDocs();
    int generated =
        options.flow()
            ? Math.max(options.skipProxy() ? 0 : throttledDocs, options.writersDocs())
            : Math.max(options.docs(), throttledDocs);
    LOG.info("generating {} documents", generated);
    byte[][] sources = new byte[generated][];
    long sourceBytes = 0;
    for (int n = 0; n < generated; n++) {
      sources[n] = DocumentGenerator.source(n);
      sourceBytes += sources[n].length;
    }
    setup.put("docs", options.docs());
    setup.put("throttled_docs", throttledDocs);
    if (options.flow()) {
      setup.put("writers_docs", options.writersDocs());
      setup.put("flow_rounds", options.flowRounds());
    }
    setup.put("runs", options.runs());
    setup.put("warm_up_docs", Math.min(options.docs(), options.warmUpDocs()));
    setup.put("avg_source_bytes", sourceBytes / generated);
    setup.put("cpus", Runtime.getRuntime().availableProcessors());
    setup.put("jvm_max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
    if (options.flow()) {
      return runFlow(sources);
    }
    try {
      new ThroughputPhase(options, setup, deadLetters.toString(), this::record, failures)
          .run(sources);
      if (!options.skipThrottled()) {
        new ThrottledPhase(options, deadLetters.toString(), this::record, failures).run(sources);
      }
    } finally {
      BenchReport figures = new BenchReport(runs, options.sluiceOptions());
      new ReportWriter(System.out).print("Sluice benchmark", setup, runs, figures);
    }
    try (var files = Files.list(deadLetters)) {
      if (files.findAny().isPresent()) {
        System.out.println("dead letters were written under " + deadLetters);
      }
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", deadLetters, e.toString());
    }
    failures.print(System.out);
    return failures.none();
  }

  /** {@code --flow}: the proxy's throttling cases, then many writers; tables to stdout. */
  private boolean runFlow(byte[][] sources) throws InterruptedException {
    System.out.println("Sluice flow benchmark " + setup);
    if (!options.skipProxy()) {
      List<ProxyThrottlingPhase.Row> proxied =
          new ProxyThrottlingPhase(options, deadLetters.toString(), failures).run(sources);
      ProxyThrottlingPhase.print(System.out, proxied);
    }
    if (!options.skipWriters()) {
      List<WritersPhase.Row> writers =
          new WritersPhase(options, deadLetters.toString(), failures).run(sources);
      WritersPhase.print(System.out, writers);
    }
    failures.print(System.out);
    return failures.none();
  }

  private void record(LoadRun run) {
    runs.add(run);
    LOG.info("{} {} run {}: {}", run.phase(), run.variant(), run.run(), run.summary());
  }
}
