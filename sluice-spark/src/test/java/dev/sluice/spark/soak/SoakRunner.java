package dev.sluice.spark.soak;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.spark.soak.SoakScenario.ResumeMode;
import dev.sluice.spark.soak.SoakScenario.RunPlan;
import dev.sluice.testkit.EsHandle;
import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.proxy.FaultPlan;
import dev.sluice.testkit.proxy.FaultProxy;
import dev.sluice.testkit.proxy.FaultProxyStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Plays one seed: a fresh index, one fault proxy per node (two proxies in front of the one local
 * Elasticsearch play a two-node cluster), the planned runs in child JVMs, then the invariants.
 */
final class SoakRunner {
  private final EsHandle es;
  private final Path root;

  /** What one seed did and found. */
  record Outcome(SoakScenario scenario, List<String> timeline, List<String> violations) {
    boolean passed() {
      return violations.isEmpty();
    }
  }

  SoakRunner(EsHandle es, Path root) {
    this.es = es;
    this.root = root;
  }

  Outcome run(long seed) throws IOException, InterruptedException {
    SoakScenario scenario = ScenarioGenerator.generate(seed);
    SoakInput input = SoakInput.of(scenario);
    Path work = root.resolve("seed-" + seed);
    deleteTree(work);
    SoakDirs dirs = new SoakDirs(Files.createDirectories(work));
    String index = es.newIndexName();
    EsTestClient.Response created = es.client().createIndex(index, input.mapping());
    if (!created.isSuccess()) {
      throw new IllegalStateException("cannot create " + index + ": " + created.body());
    }
    List<String> timeline = new ArrayList<>();
    InvariantChecker checker = new InvariantChecker(scenario, input);
    try (FaultProxy nodeA = proxy(scenario.nodeA(), seed, 2);
        FaultProxy nodeB = scenario.nodeB() == null ? null : proxy(scenario.nodeB(), seed, 3)) {
      String nodes = nodeA.url() + (nodeB == null ? "" : "," + nodeB.url());
      LongSupplier bulks =
          () ->
              nodeA.stats().requestsMatched()
                  + (nodeB == null ? 0 : nodeB.stats().requestsMatched());
      int checkpointPartitions = 0;
      List<RunPlan> runs = scenario.runs();
      ChildRun.Result last = null;
      for (int i = 0; i < runs.size(); i++) {
        RunPlan plan = runs.get(i);
        boolean finalRun = i == runs.size() - 1;
        if (plan.resume() == ResumeMode.FRESH_JOB) {
          deleteTree(dirs.checkpoint());
          deleteTree(dirs.deadLetters());
        }
        if (plan.resume() == ResumeMode.FIRST || plan.resume() == ResumeMode.FRESH_JOB) {
          checkpointPartitions = plan.partitions();
        }
        if (finalRun) {
          Files.deleteIfExists(dirs.report());
        }
        last = ChildRun.run(nodes, index, seed, plan, dirs, i + 1, bulks);
        timeline.add(line(i + 1, plan, last, bulks.getAsLong(), index));
        if (last.ending() == ChildRun.Ending.REFUSED && finalRun) {
          // Refusing a resume it cannot prove is allowed; the user then runs with the old split.
          RunPlan again =
              new RunPlan(checkpointPartitions, ResumeMode.SAME_PARTITIONS, plan.interruption(), 0);
          last = ChildRun.run(nodes, index, seed, again, dirs, runs.size() + 1, bulks);
          timeline.add(line(runs.size() + 1, again, last, bulks.getAsLong(), index));
        } else if (!finalRun && unexpectedEnd(last)) {
          checker.violation(
              "run " + (i + 1) + ": ended " + last.ending() + " uninterrupted:\n" + last.logTail());
        }
      }
      timeline.add(
          "faults injected: A " + nodeA.stats() + (nodeB == null ? "" : ", B " + nodeB.stats()));
      checker.finalRunEnded(last);
    }
    checker.checkIndex(IndexContents.read(es.client(), index));
    checker.checkDeadLetters(
        Files.exists(dirs.deadLetters())
            ? new DeadLetterReader(new LocalFileStorage()).readAll(dirs.deadLetters().toString())
            : List.of());
    checker.checkReport(ReportView.read(dirs.report()));
    return new Outcome(scenario, timeline, checker.violations());
  }

  private static String summary(FaultProxyStats stats) {
    return String.format(
        "%d bulk requests; injected: before forwarding %s, after %s, cut before %d, cut after %d,"
            + " delayed %d, %d items 429 in %d requests; proxy failures %d",
        stats.requestsMatched(),
        stats.statusBefore(),
        stats.statusAfter(),
        stats.cutBefore(),
        stats.cutAfter(),
        stats.delayed(),
        stats.item429Items(),
        stats.item429Requests(),
        stats.proxyFailures());
  }

  private static boolean unexpectedEnd(ChildRun.Result result) {
    return result.ending() == ChildRun.Ending.FAILED
        || result.ending() == ChildRun.Ending.TIMED_OUT;
  }

  private FaultProxy proxy(FaultPlan plan, long seed, int stream) {
    return FaultProxy.forward(es.url()).seed(SoakRandom.mix(seed, stream)).onBulk(plan).start();
  }

  private String line(int number, RunPlan plan, ChildRun.Result result, long bulks, String index) {
    es.client().refresh(index);
    return String.format(
        "run %d (%s): %s, exit %d, %d s; %d bulk requests so far, %d documents in the index",
        number,
        plan,
        result.ending(),
        result.exitStatus(),
        result.seconds(),
        bulks,
        es.client().count(index));
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
