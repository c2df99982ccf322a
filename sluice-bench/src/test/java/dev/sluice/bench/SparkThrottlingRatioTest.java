package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sluice.core.LoadCounters;
import dev.sluice.testkit.proxy.FaultProxyStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkThrottlingRatioTest {

  private static SparkThrottlingPhase.Load seconds(double s) {
    return new SparkThrottlingPhase.Load(
        1, Math.round(s * 1e9), (FaultProxyStats) null, 0, 0, LoadCounters.empty());
  }

  private static SparkThrottlingPhase.Case of(String name, double run, double clean) {
    return new SparkThrottlingPhase.Case(name, 1.1, seconds(run), seconds(clean), false);
  }

  private static SparkThrottlingPhase.Case parsing(String name, double run, double clean) {
    return new SparkThrottlingPhase.Case(name, 1.1, seconds(run), seconds(clean), true);
  }

  @Test
  void anItemCaseIsTimedAgainstCleanLoadsWhoseProxyParsedTheBodiesToo() {
    // The proxy reads every body into items for an item case, on the machine's two cores: its
    // yardstick is a clean load through a proxy that does the same and rejects nothing.
    List<SparkThrottlingPhase.Case> cases =
        List.of(
            parsing("1% items 429", 28.0, 26.0),
            parsing("10% items 429", 29.0, 27.0),
            of("10% requests 429", 29.7, 24.8),
            of("all delayed 2 s", 99.5, 26.9),
            of("tiny-queue node", 44.9, 24.1));

    assertThat(SparkThrottlingPhase.medianClean(cases, true)).isCloseTo(26.5, within(1e-9));
    assertThat(SparkThrottlingPhase.medianClean(cases, false)).isCloseTo(24.8, within(1e-9));
    assertThat(SparkThrottlingPhase.ratio(cases, cases.get(0))).isCloseTo(1.057, within(0.001));
  }

  @Test
  void aSlowFirstCleanLoadDoesNotFlatterTheFirstCase() {
    // The quiet machine's run 1: the first clean load, 34.24 s, was the run's slowest.
    List<SparkThrottlingPhase.Case> cases =
        List.of(
            of("1% items 429", 30.89, 34.24),
            of("10% items 429", 27.55, 25.21),
            of("10% requests 429", 38.10, 23.53),
            of("all delayed 2 s", 99.86, 27.70),
            of("tiny-queue node", 50.60, 26.15));

    double median = SparkThrottlingPhase.medianClean(cases, false);

    assertThat(median).isCloseTo(26.15, within(1e-9));
    assertThat(cases.get(0).ratioToOwnClean()).isCloseTo(0.90, within(0.005));
    assertThat(cases.get(0).run().seconds() / median).isCloseTo(1.18, within(0.005));
  }
}
