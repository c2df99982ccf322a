package dev.sluice.spark.differential;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario written by elasticsearch-hadoop (Spark 3.5 build only: it has no Spark 4 jar) and
 * by Sluice, compared. Also checks that the golden results the Spark 4 suite compares with are
 * still what elasticsearch-hadoop does, or records them again (see {@link Goldens}).
 */
@ExtendWith(ElasticsearchExtension.class)
class EsHadoopDifferentialIT {
  private static final String ES_HADOOP_SOURCE = "org.elasticsearch.spark.sql.DefaultSource";

  @TempDir static Path deadLetters;
  private static DifferentialSpark env;
  private static RunAhead<Result> results;

  /** Both connectors' results, and the index elasticsearch-hadoop prepared, if any. */
  private record Result(Snapshot esHadoop, Snapshot sluice, IndexReader.PreparedIndex prepared) {}

  @BeforeAll
  static void start(EsHandle es) {
    requireEsHadoop();
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

  /**
   * Skipped on Scala 2.13 (Spark 4), where elasticsearch-hadoop does not exist; required on 2.12.
   */
  private static void requireEsHadoop() {
    boolean scala212 = scala.util.Properties.versionNumberString().startsWith("2.12");
    Assumptions.assumeTrue(scala212, "elasticsearch-hadoop has no Spark 4 / Scala 2.13 build");
    try {
      Class.forName(ES_HADOOP_SOURCE);
    } catch (ClassNotFoundException e) {
      fail("elasticsearch-hadoop is missing from the Spark 3.5 test classpath (-Pspark35)", e);
    }
  }

  @TestFactory
  Stream<DynamicTest> scenarios() {
    List<Scenario> all = Scenarios.selected();
    results = new RunAhead<>(all, EsHadoopDifferentialIT::run);
    return all.stream().map(scenario -> dynamicTest(scenario.name(), () -> judge(scenario)));
  }

  private static Result run(Scenario scenario) {
    ScenarioRunner runner = env.runner();
    AtomicReference<IndexReader.PreparedIndex> prepared = new AtomicReference<>();
    Snapshot esHadoop =
        runner.run(
            scenario,
            new ScenarioRunner.Side("eh", ScenarioRunner.ES_HADOOP_FORMAT),
            (s, index, write) -> {
              write.run();
              prepared.set(env.reader().prepared(index));
            });
    Snapshot sluice =
        runner.run(
            scenario, new ScenarioRunner.Side("sl", "sluice"), (s, index, write) -> write.run());
    return new Result(esHadoop, sluice, prepared.get());
  }

  private static void judge(Scenario scenario) throws Exception {
    Result result = results.get(scenario);
    if (Goldens.recording()) {
      Goldens.write(scenario.name(), new Goldens.Golden(result.esHadoop(), result.prepared()));
    } else {
      SnapshotDiff stale =
          SnapshotDiff.between(
              scenario, Goldens.read(scenario.name()).snapshot(), result.esHadoop());
      if (!stale.isEmpty()) {
        fail(
            scenario.name()
                + ": elasticsearch-hadoop no longer gives the recorded golden result"
                + " (record again, see Goldens):\n"
                + stale);
      }
    }
    Verdict.judge(
        scenario,
        SnapshotDiff.between(scenario, result.esHadoop(), result.sluice()),
        "elasticsearch-hadoop");
  }
}
