package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepChoiceTest {
  private static final SweepCell NOW = new SweepCell("5mb", 3);
  private static final SweepCell SMALL = new SweepCell("1mb", 1);
  private static final SweepCell WIDE = new SweepCell("2mb", 4);

  /** A cell's docs/s clean, with 10% item 429s and on the tiny-queue node (one second a load). */
  private static List<SweepResult> cell(SweepCell cell, long clean, long item429, long tiny) {
    return List.of(
        new SweepResult(cell, SweepCondition.CLEAN, clean, 1_000_000_000L, 10, 0, 1.0),
        new SweepResult(cell, SweepCondition.ITEM_429, item429, 1_000_000_000L, 12, 100, 1.0),
        new SweepResult(cell, SweepCondition.TINY_QUEUE, tiny, 1_000_000_000L, 30, 50, 1.0));
  }

  @SafeVarargs
  private static SweepTable table(List<SweepResult>... cells) {
    List<SweepResult> all = new ArrayList<>();
    for (List<SweepResult> c : cells) {
      all.addAll(c);
    }
    return new SweepTable(all);
  }

  @Test
  void ratiosAreAgainstTheBestCellUnderTheSameCondition() {
    SweepTable table = table(cell(NOW, 1000, 800, 400), cell(SMALL, 500, 400, 200));
    assertThat(table.ratio(SMALL, SweepCondition.CLEAN)).isEqualTo(0.5);
    assertThat(table.ratio(NOW, SweepCondition.TINY_QUEUE)).isEqualTo(1.0);
    assertThat(table.throttledScore(SMALL)).isEqualTo(0.5);
  }

  @Test
  void severalRoundsOfACellCountAsTheirMedianLoad() {
    List<SweepResult> rounds =
        List.of(
            new SweepResult(NOW, SweepCondition.CLEAN, 3000, 1_000_000_000L, 7, 0, 1.0),
            new SweepResult(NOW, SweepCondition.CLEAN, 1000, 1_000_000_000L, 5, 0, 1.0),
            new SweepResult(NOW, SweepCondition.CLEAN, 2000, 1_000_000_000L, 6, 0, 1.0),
            new SweepResult(SMALL, SweepCondition.CLEAN, 1000, 1_000_000_000L, 9, 0, 1.0),
            new SweepResult(SMALL, SweepCondition.CLEAN, 4000, 1_000_000_000L, 9, 0, 1.0));
    SweepTable table = new SweepTable(rounds);
    assertThat(table.clean(NOW)).isEqualTo(2000);
    assertThat(table.result(NOW, SweepCondition.CLEAN).requests()).isEqualTo(6);
    // Of an even count, the lower middle: one fast load does not make a cell the best.
    assertThat(table.clean(SMALL)).isEqualTo(1000);
    assertThat(table.ratio(SMALL, SweepCondition.CLEAN)).isEqualTo(0.5);
  }

  @Test
  void theThrottledScoreIsTheWorstThrottledConditionNotTheAverage() {
    // WIDE is best with item 429s but poor on the tiny queue: its score is the tiny-queue ratio.
    SweepTable table = table(cell(NOW, 1000, 800, 400), cell(WIDE, 1000, 1000, 200));
    assertThat(table.throttledScore(WIDE)).isEqualTo(0.5);
    assertThat(table.throttledScore(NOW)).isEqualTo(0.8);
  }

  @Test
  void choosesTheFastestCleanCellAmongThoseWithin5PercentOfTheBestThrottled() {
    // SMALL is the steadiest (score 1.0); NOW is within 5% (0.96) and faster clean: NOW.
    // WIDE is fastest clean but far from the best throttled (0.5): out.
    SweepTable table =
        table(cell(SMALL, 800, 1000, 500), cell(NOW, 900, 960, 490), cell(WIDE, 2000, 500, 500));
    SweepChoice choice = SweepChoice.choose(table, NOW);
    assertThat(choice.chosen()).isEqualTo(NOW);
    assertThat(choice.change()).isFalse();
    assertThat(choice.reason()).contains("5mb x 3", "2 cell(s)", "today's default: keep it");
  }

  @Test
  void aCellJustOutsideTheToleranceIsNotACandidate() {
    // NOW's score is 0.94: outside 5% of SMALL's 1.0, however fast it is clean.
    SweepTable table = table(cell(SMALL, 800, 1000, 500), cell(NOW, 1200, 940, 500));
    assertThat(SweepChoice.choose(table, NOW).chosen()).isEqualTo(SMALL);
  }

  @Test
  void changesTheDefaultsOnlyWhenTheChosenCellIsClearlyBetter() {
    // WIDE: same throttled score, 20% more clean docs/s: clear.
    SweepTable clear = table(cell(NOW, 1000, 1000, 500), cell(WIDE, 1200, 1000, 500));
    SweepChoice change = SweepChoice.choose(clear, NOW);
    assertThat(change.chosen()).isEqualTo(WIDE);
    assertThat(change.change()).isTrue();
    assertThat(change.reason()).contains("clean 1.20x", "change the defaults to 2mb x 4");

    // 5% more clean docs/s: within noise, keep today's.
    SweepTable noise = table(cell(NOW, 1000, 1000, 500), cell(WIDE, 1050, 1000, 500));
    SweepChoice keep = SweepChoice.choose(noise, NOW);
    assertThat(keep.chosen()).isEqualTo(WIDE);
    assertThat(keep.change()).isFalse();
    assertThat(keep.reason()).contains("not clearly better", "keep 5mb x 3");

    // 30% more clean docs/s but a lower throttled score (still a candidate): a loss, keep.
    SweepTable loss = table(cell(NOW, 1000, 1000, 500), cell(WIDE, 1300, 970, 500));
    assertThat(SweepChoice.choose(loss, NOW).chosen()).isEqualTo(WIDE);
    assertThat(SweepChoice.choose(loss, NOW).change()).isFalse();
  }

  @Test
  void aClearlySteadierCellIsAChangeEvenWhenNotFasterClean() {
    // Today's cell is out (score 0.5); SMALL matches it clean and doubles its throttled score.
    SweepTable table = table(cell(NOW, 1000, 1000, 250), cell(SMALL, 1000, 1000, 500));
    SweepChoice choice = SweepChoice.choose(table, NOW);
    assertThat(choice.chosen()).isEqualTo(SMALL);
    assertThat(choice.change()).isTrue();
  }

  @Test
  void todaysDefaultsNotMeasuredIsNoChange() {
    SweepChoice choice = SweepChoice.choose(table(cell(SMALL, 1000, 1000, 500)), NOW);
    assertThat(choice.chosen()).isEqualTo(SMALL);
    assertThat(choice.change()).isFalse();
    assertThat(choice.reason()).contains("5mb x 3 was not measured");
  }

  @Test
  void withoutThrottledLoadsTheFastestCleanCellIsChosen() {
    SweepTable table =
        new SweepTable(
            List.of(
                new SweepResult(NOW, SweepCondition.CLEAN, 1000, 1_000_000_000L, 1, 0, 0),
                new SweepResult(WIDE, SweepCondition.CLEAN, 1500, 1_000_000_000L, 1, 0, 0)));
    assertThat(SweepChoice.choose(table, NOW).chosen()).isEqualTo(WIDE);
  }

  @Test
  void nothingMeasuredKeepsTodaysDefaults() {
    SweepChoice choice = SweepChoice.choose(new SweepTable(List.of()), NOW);
    assertThat(choice.chosen()).isEqualTo(NOW);
    assertThat(choice.change()).isFalse();
  }
}
