package dev.sluice.spark.soak;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The randomized fault soak of contract points 1, 2 and 6: per seed, a generated input (edge-case
 * ids, duplicates, rows the mapping rejects, rows that cannot become JSON) is loaded by the
 * connector in a child JVM through fault proxies (item 429s, whole-request 429/502/503/504, cuts
 * before and after Elasticsearch applied a bulk, delays, two nodes to fail over between), killed
 * with SIGKILL or cancelled at random moments, resumed with the same or another partition count or
 * as a fresh job, and then checked: the index holds every good record once with its content, the
 * dead-letter store every bad row once with its reason, and the final report reconciles and says
 * the run finished.
 *
 * <ul>
 *   <li>{@code -Dsluice.soak.seeds=N}: how many seeds (default 4: 30-90 s a seed on two cores);
 *   <li>{@code -Dsluice.soak.first.seed=S}: the first of them (default: random, printed);
 *   <li>{@code -Dsluice.soak.seed=S}: replay exactly seed S ({@code S1,S2,...}: these seeds).
 * </ul>
 *
 * Each failing seed prints its scenario, what every run did, every violated invariant and the
 * command that replays it. A replay repeats the scenario exactly (input, options, fault
 * probabilities, kill points); which request draws which fault depends on timing.
 */
@ExtendWith(ElasticsearchExtension.class)
class FaultSoakIT {
  private static final int DEFAULT_SEEDS = 4;

  /**
   * Kept after the run (the module's target directory), so that a failing seed's logs can be read.
   */
  private final Path work = Path.of("target", "soak").toAbsolutePath();

  @TestFactory
  List<DynamicTest> soak(EsHandle es) {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed : seeds()) {
      tests.add(DynamicTest.dynamicTest("seed " + seed, () -> playSeed(es, seed)));
    }
    return tests;
  }

  private void playSeed(EsHandle es, long seed) throws Exception {
    SoakRunner.Outcome outcome = new SoakRunner(es, work).run(seed);
    String story =
        outcome.scenario().describe()
            + "\n  "
            + String.join("\n  ", outcome.timeline())
            + (outcome.passed()
                ? "\n  all invariants hold"
                : "\n  VIOLATED:\n  - " + String.join("\n  - ", outcome.violations()));
    System.out.println("[soak] " + story);
    if (!outcome.passed()) {
      // Not a format string: the story holds '%' signs.
      fail(
          story
              + "\n  logs, checkpoint and dead letters: "
              + work.resolve("seed-" + seed)
              + "\nreplay with: mvn -B -ntp -pl sluice-spark -am verify -Dtest=none"
              + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSoakIT"
              + " -Dfailsafe.failIfNoSpecifiedTests=false -Dsluice.soak.seed="
              + seed
              + "   (or: bin/soak --seed "
              + seed
              + ")");
    }
  }

  private static long[] seeds() {
    String one = System.getProperty("sluice.soak.seed");
    if (one != null && !one.isBlank()) {
      return Arrays.stream(one.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }
    int count = Integer.getInteger("sluice.soak.seeds", DEFAULT_SEEDS);
    String first = System.getProperty("sluice.soak.first.seed");
    long start =
        first == null || first.isBlank()
            ? new Random().nextInt(1_000_000)
            : Long.parseLong(first.trim());
    System.out.println("[soak] seeds " + start + " to " + (start + count - 1));
    return LongStream.range(start, start + count).toArray();
  }
}
