package dev.sluice.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's loads as a table, cell by condition (one load each), with each cell's docs/s as a ratio
 * to the best cell's under the same condition.
 */
final class SweepTable {
  private final Map<SweepCell, Map<SweepCondition, SweepResult>> cells = new LinkedHashMap<>();
  private final Map<SweepCondition, Double> best = new EnumMap<>(SweepCondition.class);

  SweepTable(List<SweepResult> results) {
    Map<SweepCell, Map<SweepCondition, List<SweepResult>>> loads = new LinkedHashMap<>();
    for (SweepResult r : results) {
      loads
          .computeIfAbsent(r.cell(), c -> new EnumMap<>(SweepCondition.class))
          .computeIfAbsent(r.condition(), c -> new ArrayList<>())
          .add(r);
    }
    loads.forEach(
        (cell, byCondition) ->
            byCondition.forEach(
                (condition, rounds) -> {
                  SweepResult median = median(rounds);
                  cells
                      .computeIfAbsent(cell, c -> new EnumMap<>(SweepCondition.class))
                      .put(condition, median);
                  best.merge(condition, median.docsPerSecond(), Math::max);
                }));
  }

  private static SweepResult median(List<SweepResult> rounds) {
    List<SweepResult> sorted =
        rounds.stream().sorted(Comparator.comparingDouble(SweepResult::docsPerSecond)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** The cells, in the order their first load ran. */
  List<SweepCell> cells() {
    return new ArrayList<>(cells.keySet());
  }

  /** The conditions some cell was loaded under, in declaration order. */
  List<SweepCondition> conditions() {
    return new ArrayList<>(best.keySet());
  }

  boolean has(SweepCell cell) {
    return cells.containsKey(cell);
  }

  /** The load of {@code cell} under {@code condition}; null when there was none. */
  SweepResult result(SweepCell cell, SweepCondition condition) {
    return cells.getOrDefault(cell, Map.of()).get(condition);
  }

  /** Docs/s against the best cell's under the same condition; 0 when the cell was not loaded. */
  double ratio(SweepCell cell, SweepCondition condition) {
    SweepResult r = result(cell, condition);
    return r == null ? 0 : r.docsPerSecond() / best.get(condition);
  }

  /**
   * The cell's worst {@link #ratio} under throttling (1 when the sweep had no throttled condition):
   * a default has to hold up under every kind of throttling measured, not on average.
   */
  double throttledScore(SweepCell cell) {
    double worst = 1;
    for (SweepCondition condition : best.keySet()) {
      if (condition.throttled()) {
        worst = Math.min(worst, ratio(cell, condition));
      }
    }
    return worst;
  }

  /** Clean docs/s; 0 when the cell was not loaded clean. */
  double clean(SweepCell cell) {
    SweepResult r = result(cell, SweepCondition.CLEAN);
    return r == null ? 0 : r.docsPerSecond();
  }
}
