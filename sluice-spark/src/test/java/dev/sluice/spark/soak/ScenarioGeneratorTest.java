package dev.sluice.spark.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spark.soak.SoakInput.Kind;
import dev.sluice.spark.soak.SoakInput.SoakRow;
import dev.sluice.spark.soak.SoakScenario.Interruption;
import dev.sluice.spark.soak.SoakScenario.ResumeMode;
import dev.sluice.spark.soak.SoakScenario.RunPlan;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

  @Test
  void aSeedAlwaysGivesTheSameScenarioAndInput() {
    SoakScenario first = ScenarioGenerator.generate(42);
    SoakScenario second = ScenarioGenerator.generate(42);

    assertThat(second.describe()).isEqualTo(first.describe());
    assertThat(text(SoakInput.of(second).rows())).isEqualTo(text(SoakInput.of(first).rows()));
    assertThat(ScenarioGenerator.generate(43).describe()).isNotEqualTo(first.describe());
  }

  private static List<String> text(List<SoakRow> rows) {
    return rows.stream()
        .map(
            r ->
                String.join(
                    "|",
                    Long.toString(r.row()),
                    String.valueOf(r.key()),
                    Arrays.toString(r.bkey()),
                    r.code(),
                    Double.toString(r.score()),
                    r.payload(),
                    r.kind().name()))
        .toList();
  }

  @Test
  void everyScenarioInterruptsAllRunsButTheLastAndChangesPartitionsWhenItSaysSo() {
    for (long seed = 0; seed < 2_000; seed++) {
      SoakScenario scenario = ScenarioGenerator.generate(seed);
      List<RunPlan> runs = scenario.runs();
      assertThat(runs.size()).as("runs of seed %d", seed).isBetween(2, 4);
      assertThat(runs.get(0).resume()).isEqualTo(ResumeMode.FIRST);
      assertThat(runs.get(runs.size() - 1).interruption()).isEqualTo(Interruption.NONE);
      for (int i = 1; i < runs.size(); i++) {
        assertThat(runs.get(i - 1).interruption()).isNotEqualTo(Interruption.NONE);
        assertThat(runs.get(i).partitions()).isBetween(1, ScenarioGenerator.MAX_PARTITIONS);
        if (scenario.create()) {
          assertThat(runs.get(i).resume()).isNotEqualTo(ResumeMode.FRESH_JOB);
        }
        if (runs.get(i).resume() == ResumeMode.OTHER_PARTITIONS) {
          assertThat(runs.get(i).partitions()).isNotEqualTo(runs.get(i - 1).partitions());
        }
      }
    }
  }

  @Test
  void duplicatesAreIdenticalGoodRowsAndBadRowsAreUnique() {
    for (long seed = 0; seed < 50; seed++) {
      Map<Long, SoakRow> byRow = new HashMap<>();
      Map<Long, Integer> times = new HashMap<>();
      for (SoakRow row : SoakInput.of(ScenarioGenerator.generate(seed)).rows()) {
        SoakRow earlier = byRow.putIfAbsent(row.row(), row);
        times.merge(row.row(), 1, Integer::sum);
        if (earlier != null) {
          assertThat(row).isSameAs(earlier);
          assertThat(row.kind()).isEqualTo(Kind.GOOD);
        }
      }
      assertThat(byRow).hasSize(ScenarioGenerator.generate(seed).rows());
    }
  }
}
