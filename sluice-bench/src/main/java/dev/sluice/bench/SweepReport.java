package dev.sluice.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** What {@code bin/bench-sweep} prints: one table, cell by condition, and the choice. */
final class SweepReport {
  private SweepReport() {}

  static void print(PrintStream out, SweepOptions options, List<SweepResult> results) {
    SweepTable table = new SweepTable(results);
    SweepCell current = SweepCell.defaults();
    SweepChoice choice = SweepChoice.choose(table, current);
    out.printf(
        Locale.ROOT,
        "%nSweep of es.batch.size.bytes x sluice.bulk.concurrency: %,d documents a load, %s flow,"
            + " %d cores, %d round(s), each entry the median load%n",
        options.docs(),
        options.fixedFlow() ? "fixed" : "adaptive",
        Runtime.getRuntime().availableProcessors(),
        options.rounds());
    out.println(
        "Per condition: docs/s, x best (against the best cell's docs/s), bulk requests, items"
            + " answered 429; load = the highest 1-minute load average at the end of its loads");
    Table<SweepCell> printed = new Table<SweepCell>().left("cell", 11, SweepCell::label);
    for (SweepCondition condition : table.conditions()) {
      String name = condition.shortLabel();
      printed
          .number(name + " docs/s", name.length() + 7, 0, c -> docsPerSecond(table, c, condition))
          .number("x best", 6, 2, c -> table.ratio(c, condition))
          .right("req", 5, c -> figure(table, c, condition, SweepResult::requests))
          .right("429", 7, c -> figure(table, c, condition, SweepResult::throttled));
    }
    printed
        .number("throttled score", 15, 2, table::throttledScore)
        .number("load", 5, 1, c -> highestLoad(table, c))
        .left("", 10, c -> mark(c, choice, current))
        .print(out, table.cells());
    out.println();
    out.println("Choice: " + choice.reason() + ".");
  }

  private static double docsPerSecond(SweepTable table, SweepCell cell, SweepCondition condition) {
    SweepResult r = table.result(cell, condition);
    return r == null ? Double.NaN : r.docsPerSecond();
  }

  private static String figure(
      SweepTable table,
      SweepCell cell,
      SweepCondition condition,
      java.util.function.ToLongFunction<SweepResult> value) {
    SweepResult r = table.result(cell, condition);
    return r == null ? "-" : Long.toString(value.applyAsLong(r));
  }

  private static double highestLoad(SweepTable table, SweepCell cell) {
    double highest = 0;
    for (SweepCondition condition : table.conditions()) {
      SweepResult r = table.result(cell, condition);
      if (r != null) {
        highest = Math.max(highest, r.loadAverage());
      }
    }
    return highest;
  }

  private static String mark(SweepCell cell, SweepChoice choice, SweepCell current) {
    if (cell.equals(choice.chosen())) {
      return cell.equals(current) ? "chosen,now" : "chosen";
    }
    return cell.equals(current) ? "now" : "";
  }
}
