package dev.sluice.bench;

import dev.sluice.core.SluiceConfig;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/bench-ids}: what each id encoding costs Elasticsearch. The same documents, loaded
 * through Sluice's engine with default settings into a fresh one-shard, no-replica, no-refresh
 * index, once per {@link IdCandidate} per round; the order of the candidates is reversed every
 * other round so that a drift of the node weighs on all alike. Fails (exit 1) when a load does not
 * end with exactly every document indexed.
 */
public final class IdBenchMain {
  private static final Logger LOG = LoggerFactory.getLogger(IdBenchMain.class);
  private static final String INDEX = "bench-ids";

  private final IdBenchOptions options;
  private final List<IdLoadRun> runs = new ArrayList<>();
  private final Failures failures = new Failures();
  private final Map<String, Object> setup = new LinkedHashMap<>();

  private IdBenchMain(IdBenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Launcher.main(
        "bench-ids",
        IdBenchOptions.USAGE,
        args,
        IdBenchOptions::parse,
        options -> new IdBenchMain(options).run());
  }

  private boolean run() throws InterruptedException, IOException {
    int docs = options.docs();
    LOG.info("generating {} documents", docs);
    byte[][] sources = new byte[docs][];
    for (int n = 0; n < docs; n++) {
      sources[n] = DocumentGenerator.source(n);
    }
    setup.put("docs", docs);
    setup.put("runs", options.runs());
    setup.put("warm_up_docs", Math.min(docs, options.warmUpDocs()));
    setup.put("candidates", Arrays.stream(IdCandidate.values()).map(IdCandidate::label).toList());
    setup.put("cpus", Runtime.getRuntime().availableProcessors());
    String deadLetters = Files.createTempDirectory("sluice-bench-ids-deadletter").toString();
    NodeSpec spec = NodeSpec.builder().name("bench-ids").heap("1g").build();
    setup.put("es_heap", spec.heap());
    try (LocalElasticsearch node = LocalElasticsearch.start(spec)) {
      SluiceConfig config = new SluiceLoad(node.httpUrl(), deadLetters).config(INDEX, Map.of());
      CheckedLoads loads = new CheckedLoads(Loads.on(node), failures);
      int warm = Math.min(docs, options.warmUpDocs());
      LOG.info("warming up: {} documents per candidate (untimed)", warm);
      for (IdCandidate candidate : IdCandidate.values()) {
        String[] ids = candidate.ids(sources, warm);
        loads.sluice(
            INDEX, config, "ids-warm-up", sources, n -> ids[n], warm, "warm-up " + candidate);
      }
      for (int run = 1; run <= options.runs(); run++) {
        for (IdCandidate candidate : order(run)) {
          timed(loads, config, sources, candidate, run);
        }
      }
    } finally {
      new ReportWriter(System.out)
          .print("Sluice id benchmark", setup, runs, new IdBenchReport(runs));
    }
    failures.print(System.out);
    return failures.none();
  }

  /** Round 1 in declaration order, round 2 reversed, and so on. */
  static List<IdCandidate> order(int run) {
    List<IdCandidate> order = new ArrayList<>(List.of(IdCandidate.values()));
    if (run % 2 == 0) {
      java.util.Collections.reverse(order);
    }
    return order;
  }

  private void timed(
      CheckedLoads loads, SluiceConfig config, byte[][] sources, IdCandidate candidate, int run)
      throws InterruptedException {
    int docs = options.docs();
    String[] ids = candidate.ids(sources, docs); // before the clock starts
    String what = candidate.label() + " run " + run;
    CheckedLoads.Sluiced load =
        loads.sluice(INDEX, config, "ids-" + run, sources, n -> ids[n], docs, what);
    Loads.Measured m = load.measured();
    IdLoadRun r =
        new IdLoadRun(
            candidate,
            run,
            load.result().counters().read(),
            load.result().counters().bytesSent(),
            m.nanos(),
            m.usage(),
            m.node(),
            IdCandidate.averageLength(ids));
    runs.add(r);
    LOG.info(
        "{}: {}, Elasticsearch {} CPU-s per million documents",
        what,
        r.summary(),
        Table.fixed(r.esCpuPerMillion(), 1));
  }
}
