package dev.sluice.spark.soak;

import dev.sluice.spark.soak.SoakScenario.IdMode;
import dev.sluice.spark.soak.SoakScenario.Interruption;
import dev.sluice.spark.soak.SoakScenario.ResumeMode;
import dev.sluice.spark.soak.SoakScenario.RunPlan;
import dev.sluice.testkit.proxy.Fault;
import dev.sluice.testkit.proxy.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seed to {@link SoakScenario}: a pure function, so that every seed can be replayed. */
final class ScenarioGenerator {
  static final int MAX_PARTITIONS = 6;

  private ScenarioGenerator() {}

  static SoakScenario generate(long seed) {
    Random random = new Random(SoakRandom.mix(seed, 0));
    int rows = 1_500 + random.nextInt(3_500);
    double badShare = random.nextDouble() * 0.06;
    IdMode idMode =
        pick(random, IdMode.FIELD, IdMode.FIELD, IdMode.HASH, IdMode.COMPOSITE, IdMode.BINARY);
    boolean create = idMode != IdMode.BINARY && random.nextInt(5) == 0;
    double duplicateShare = create ? 0 : random.nextDouble() * 0.05;
    int batchEntries = 20 + random.nextInt(180);
    int concurrency = 1 + random.nextInt(3);
    int everyRows = 50 + random.nextInt(450);
    FaultPlan nodeA = faults(random, 1.0);
    FaultPlan nodeB = random.nextInt(10) < 7 ? faults(random, 1 + random.nextDouble()) : null;
    int requestsPerRun = Math.max(2, rows / batchEntries);
    return new SoakScenario(
        seed,
        rows,
        badShare,
        duplicateShare,
        idMode,
        create,
        batchEntries,
        concurrency,
        everyRows,
        nodeA,
        nodeB,
        runs(random, requestsPerRun, create));
  }

  /**
   * @param create a fresh job that creates documents an earlier job indexed gets legitimate 409s,
   *     so with {@code create} every later run resumes the first job
   */
  private static List<RunPlan> runs(Random random, int requestsPerRun, boolean create) {
    int draw = random.nextInt(20);
    int interrupted = draw < 10 ? 1 : draw < 17 ? 2 : 3;
    List<RunPlan> runs = new ArrayList<>();
    int partitions = 1 + random.nextInt(MAX_PARTITIONS);
    for (int i = 0; i <= interrupted; i++) {
      ResumeMode resume = ResumeMode.FIRST;
      if (i > 0) {
        int mode = random.nextInt(20);
        resume =
            mode < 9
                ? ResumeMode.SAME_PARTITIONS
                : mode < 16 || create ? ResumeMode.OTHER_PARTITIONS : ResumeMode.FRESH_JOB;
      }
      if (resume == ResumeMode.OTHER_PARTITIONS || resume == ResumeMode.FRESH_JOB) {
        int other = 1 + random.nextInt(MAX_PARTITIONS - 1);
        partitions = other >= partitions ? other + 1 : other;
      }
      boolean last = i == interrupted;
      Interruption interruption =
          last
              ? Interruption.NONE
              : random.nextInt(10) < 7 ? Interruption.SIGKILL : Interruption.CANCEL;
      int after = last ? 0 : 1 + random.nextInt(requestsPerRun);
      runs.add(new RunPlan(partitions, resume, interruption, after));
    }
    return runs;
  }

  /**
   * A node's faults; {@code sickness} scales the rates (a second node that fails more often makes
   * the client fail over to the first).
   */
  private static FaultPlan faults(Random random, double sickness) {
    FaultPlan plan = FaultPlan.random();
    plan = maybe(random, plan, 0.15 * sickness, Fault.item429(0.1 + random.nextDouble() * 0.4));
    plan = maybe(random, plan, 0.06 * sickness, Fault.statusBefore(429));
    plan = maybe(random, plan, 0.03 * sickness, Fault.statusBefore(503));
    plan = maybe(random, plan, 0.03 * sickness, Fault.statusBefore(502));
    plan = maybe(random, plan, 0.03 * sickness, Fault.statusAfter(502));
    plan = maybe(random, plan, 0.03 * sickness, Fault.statusAfter(504));
    plan = maybe(random, plan, 0.03 * sickness, Fault.cutBefore());
    plan = maybe(random, plan, 0.04 * sickness, Fault.cutAfter());
    Duration delay = Duration.ofMillis(20 + random.nextInt(280));
    return maybe(random, plan, 0.08 * sickness, Fault.delay(delay));
  }

  /** Adds {@code fault} with a probability up to {@code max}, or not at all (one time in three). */
  private static FaultPlan maybe(Random random, FaultPlan plan, double max, Fault fault) {
    return random.nextInt(3) == 0 ? plan : plan.with(random.nextDouble() * max, fault);
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
