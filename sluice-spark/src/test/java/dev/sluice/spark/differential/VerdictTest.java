package dev.sluice.spark.differential;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class VerdictTest {
  private static final Scenario SCENARIO = Scenario.named("s").rows("SELECT 1").build();
  private static final Snapshot SUCCEEDED = new Snapshot(List.of("success"), List.of(""), Map.of());
  private static final Snapshot FAILED = new Snapshot(List.of("failure"), List.of("x"), Map.of());
  private static final SnapshotDiff SAME = SnapshotDiff.between(SCENARIO, SUCCEEDED, SUCCEEDED);
  private static final SnapshotDiff OUTCOME_DIFFERS =
      SnapshotDiff.between(SCENARIO, SUCCEEDED, FAILED);
  private static final Map<String, ExpectedDifferences.Expected> OUTCOME_EXPECTED =
      Map.of("s", new ExpectedDifferences.Expected(Set.of(Aspect.OUTCOME), "why"));

  private static void judge(
      SnapshotDiff diff,
      Map<String, ExpectedDifferences.Expected> expected,
      Map<String, String> pending) {
    Verdict.judge(SCENARIO, diff, "es-hadoop", expected, pending);
  }

  @Test
  void aMatchPassesAndADifferenceFails() {
    assertThatCode(() -> judge(SAME, Map.of(), Map.of())).doesNotThrowAnyException();
    assertThatThrownBy(() -> judge(OUTCOME_DIFFERS, Map.of(), Map.of()))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("OUTCOME");
  }

  @Test
  void anExpectedDifferencePassesOnlyForItsAspects() {
    assertThatCode(() -> judge(OUTCOME_DIFFERS, OUTCOME_EXPECTED, Map.of()))
        .doesNotThrowAnyException();
    Map<String, ExpectedDifferences.Expected> countOnly =
        Map.of("s", new ExpectedDifferences.Expected(Set.of(Aspect.COUNT), "why"));
    assertThatThrownBy(() -> judge(OUTCOME_DIFFERS, countOnly, Map.of()))
        .isInstanceOf(AssertionFailedError.class);
  }

  @Test
  void aPendingScenarioIsSkippedWhileItDiffersAndFailsOnceItMatches() {
    Map<String, String> pending = Map.of("s", "feature");
    assertThatThrownBy(() -> judge(OUTCOME_DIFFERS, Map.of(), pending))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("feature");
    assertThatThrownBy(() -> judge(SAME, Map.of(), pending))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("remove it from Pending.PENDING");
  }
}
