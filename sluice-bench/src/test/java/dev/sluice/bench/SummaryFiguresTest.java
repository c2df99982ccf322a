package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures to judge a run by: Sluice over the baseline, and what checkpointing costs. */
class SummaryFiguresTest {
  private static final long SECOND = 1_000_000_000L;

  private static LoadRun throughput(String variant, int run, long docs, double seconds) {
    return new LoadRun(
        "throughput", variant, run, docs, 0, (long) (seconds * SECOND), null, null, 0, null, null);
  }

  private static CheckpointBenchRun checkpoint(boolean with, int run, double seconds) {
    return new CheckpointBenchRun(with, run, 1000, (long) (seconds * SECOND), null, null, null);
  }

  @Test
  void throughputRatioPerRoundPooledBestAndMedian() {
    ThroughputRatio ratio =
        ThroughputRatio.of(
            List.of(
                throughput("baseline", 1, 1000, 1.0), // 1000 docs/s
                throughput("sluice", 1, 1000, 1.25), // 800
                throughput("sluice", 2, 1000, 0.8), // 1250
                throughput("baseline", 2, 1000, 1.0), // 1000
                throughput("sluice", 3, 1000, 1.0))); // 1000, round without a baseline

    assertThat(ratio.rounds()).containsExactly(0.8, 1.25);
    assertThat(ratio.medianOfRounds()).isCloseTo(1.025, within(1e-9));
    assertThat(ratio.roundMin()).isEqualTo(0.8);
    assertThat(ratio.roundMax()).isEqualTo(1.25);
    assertThat(ratio.pooled()).isCloseTo((3000 / 3.05) / 1000, within(1e-9));
    assertThat(ratio.best()).isEqualTo(1.25);
    assertThat(ratio.median()).isEqualTo(1.0);
  }

  @Test
  void noRoundsGiveNoRatioRatherThanAFailure() {
    ThroughputRatio ratio = ThroughputRatio.of(List.of(throughput("sluice", 1, 10, 1.0)));

    assertThat(ratio.rounds()).isEmpty();
    assertThat(ratio.medianOfRounds()).isNaN();
    assertThat(ratio.roundMin()).isNaN();
  }

  @Test
  void checkpointOverheadIsOneMinusWithOverWithoutPerRoundAndOverAll() {
    CheckpointBenchReport report =
        new CheckpointBenchReport(
            List.of(
                checkpoint(false, 1, 1.0), // 1000 docs/s
                checkpoint(true, 1, 1.25), // 800
                checkpoint(true, 2, 1.0), // 1000
                checkpoint(false, 2, 0.8))); // 1250

    assertThat(report.perRound()).containsExactly(new double[] {0.2, 0.2}, within(1e-9));
    CheckpointBenchReport.Overhead overhead = report.overhead();
    assertThat(overhead.best()).isCloseTo(1 - 1000.0 / 1250, within(1e-9));
    assertThat(overhead.median()).isCloseTo(1 - 900.0 / 1125, within(1e-9));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Stats.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Stats.median(new double[0])).isNaN();
  }
}
