package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Sluice's docs/s over the baseline's: per round (two loads made back to back), and over all.
 *
 * @param rounds each round's ratio, in round order (rounds missing either load left out)
 * @param pooledSluice all Sluice documents over all Sluice seconds; likewise the baseline
 */
record ThroughputRatio(
    List<Double> rounds,
    double pooledSluice,
    double pooledBaseline,
    double sluiceBest,
    double baselineBest,
    double sluiceMedian,
    double baselineMedian) {
  /** Sluice with default settings should reach at least this share of the baseline's docs/s. */
  static final double TARGET = 0.95;

  /**
   * @param throughput the loads of the throughput phase
   */
  static ThroughputRatio of(List<LoadRun> throughput) {
    List<Double> rounds = new ArrayList<>();
    throughput.stream()
        .mapToInt(LoadRun::run)
        .distinct()
        .sorted()
        .forEach(
            run -> {
              double sluice = docsPerSecond(throughput, "sluice", run);
              double baseline = docsPerSecond(throughput, "baseline", run);
              if (!Double.isNaN(sluice) && !Double.isNaN(baseline)) {
                rounds.add(sluice / baseline);
              }
            });
    double[] sluice = values(throughput, "sluice", LoadRun::docsPerSecond);
    double[] baseline = values(throughput, "baseline", LoadRun::docsPerSecond);
    return new ThroughputRatio(
        List.copyOf(rounds),
        pooled(throughput, "sluice"),
        pooled(throughput, "baseline"),
        Stats.max(sluice),
        Stats.max(baseline),
        Stats.median(sluice),
        Stats.median(baseline));
  }

  /** The values of {@code f} over the loads of one loader, in load order. */
  static double[] values(List<LoadRun> throughput, String variant, ToDoubleFunction<LoadRun> f) {
    return throughput.stream().filter(r -> r.variant().equals(variant)).mapToDouble(f).toArray();
  }

  double medianOfRounds() {
    return Stats.median(roundArray());
  }

  double roundMin() {
    return Stats.min(roundArray());
  }

  double roundMax() {
    return Stats.max(roundArray());
  }

  double pooled() {
    return pooledSluice / pooledBaseline;
  }

  double best() {
    return sluiceBest / baselineBest;
  }

  double median() {
    return sluiceMedian / baselineMedian;
  }

  private double[] roundArray() {
    return rounds.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double docsPerSecond(List<LoadRun> throughput, String variant, int run) {
    return throughput.stream()
        .filter(r -> r.variant().equals(variant) && r.run() == run)
        .mapToDouble(LoadRun::docsPerSecond)
        .findFirst()
        .orElse(Double.NaN);
  }

  private static double pooled(List<LoadRun> throughput, String variant) {
    List<LoadRun> list = throughput.stream().filter(r -> r.variant().equals(variant)).toList();
    double docs = list.stream().mapToDouble(LoadRun::docs).sum();
    double seconds = list.stream().mapToDouble(LoadRun::seconds).sum();
    return docs / seconds;
  }
}
