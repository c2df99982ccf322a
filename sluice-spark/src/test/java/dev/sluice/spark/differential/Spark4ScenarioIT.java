package dev.sluice.spark.differential;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential scenarios for Sluice alone, on the build's Spark (4 by default), compared with
 * elasticsearch-hadoop's results recorded on Spark 3.5 ({@link Goldens}), under the same expected
 * differences and pending list as {@link EsHadoopDifferentialIT}. An index elasticsearch-hadoop
 * prepared is restored from its recording.
 */
@ExtendWith(ElasticsearchExtension.class)
class Spark4ScenarioIT {
  @TempDir static Path deadLetters;
  private static DifferentialSpark env;
  private static RunAhead<Snapshot> results;

  @BeforeAll
  static void start(EsHandle es) {
    env = new DifferentialSpark(es, deadLetters);
  }

  @AfterAll
  static void stop() {
    if (results != null) {
      results.close();
    }
    if (env != null) {
      env.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> scenarios() {
    List<Scenario> all = Scenarios.selected();
    results = new RunAhead<>(all, Spark4ScenarioIT::run);
    return all.stream().map(scenario -> dynamicTest(scenario.name(), () -> judge(scenario)));
  }

  private static Snapshot run(Scenario scenario) {
    Goldens.Golden golden = Goldens.read(scenario.name());
    return env.runner()
        .run(
            scenario,
            new ScenarioRunner.Side("s4", "sluice"),
            (s, index, write) -> env.reader().restore(index, golden.prepared()));
  }

  private static void judge(Scenario scenario) throws Exception {
    Verdict.judge(
        scenario,
        SnapshotDiff.between(
            scenario, Goldens.read(scenario.name()).snapshot(), results.get(scenario)),
        "elasticsearch-hadoop's recorded result");
  }
}
