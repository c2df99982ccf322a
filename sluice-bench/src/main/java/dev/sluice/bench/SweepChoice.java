package dev.sluice.bench;

import java.util.List;

/**
 * Which cell of a sweep the defaults should be, and whether it is clearly better than today's
 * defaults. The rule: among the cells whose throttled score ({@link SweepTable#throttledScore}) is
 * within {@link #TOLERANCE} of the best, the one with the most clean docs/s; steadiness under
 * throttling first, because a default that is fast only on an idle cluster is what users have to
 * tune away. A change of defaults has to be clear: at least {@link #MARGIN} better than today's
 * cell in clean docs/s or in throttled score, and worse in neither.
 */
record SweepChoice(SweepCell chosen, boolean change, String reason) {
  static final double TOLERANCE = 0.05;
  static final double MARGIN = 0.10;

  static SweepChoice choose(SweepTable table, SweepCell current) {
    List<SweepCell> cells = table.cells();
    if (cells.isEmpty()) {
      return new SweepChoice(current, false, "nothing was measured: keep " + current.label());
    }
    double bestScore = cells.stream().mapToDouble(table::throttledScore).max().orElseThrow();
    List<SweepCell> candidates =
        cells.stream().filter(c -> table.throttledScore(c) >= bestScore * (1 - TOLERANCE)).toList();
    SweepCell chosen = candidates.get(0);
    for (SweepCell c : candidates) {
      if (table.clean(c) > table.clean(chosen)) {
        chosen = c;
      }
    }
    String why =
        String.format(
            java.util.Locale.ROOT,
            "%s has the most clean docs/s (%.0f) of the %d cell(s) whose worst throttled ratio is"
                + " within %.0f%% of the best (%.2f)",
            chosen.label(),
            table.clean(chosen),
            candidates.size(),
            TOLERANCE * 100,
            bestScore);
    if (chosen.equals(current)) {
      return new SweepChoice(chosen, false, why + "; it is today's default: keep it");
    }
    if (!table.has(current)) {
      return new SweepChoice(
          chosen, false, why + "; today's default " + current.label() + " was not measured");
    }
    double clean = table.clean(chosen) / table.clean(current);
    double throttled = table.throttledScore(chosen) / table.throttledScore(current);
    boolean clear = Math.min(clean, throttled) >= 1 && Math.max(clean, throttled) >= 1 + MARGIN;
    String against =
        String.format(
            java.util.Locale.ROOT,
            "; against today's default %s: clean %.2fx, throttled score %.2fx",
            current.label(),
            clean,
            throttled);
    return new SweepChoice(
        chosen,
        clear,
        why
            + against
            + (clear
                ? ": change the defaults to " + chosen.label()
                : ": not clearly better (needs >= "
                    + Math.round(MARGIN * 100)
                    + "% on one and no loss on the other), keep "
                    + current.label()));
  }
}
