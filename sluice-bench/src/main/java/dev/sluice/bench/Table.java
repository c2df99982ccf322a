package dev.sluice.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * A fixed-width text table of rows of {@code R}: each column declared once, with its header, its
 * width and how to show a row's cell, so that header and cells cannot drift apart.
 */
final class Table<R> {
  private record Column<R>(String header, int width, boolean left, Function<R, String> cell) {
    String pad(String text) {
      return String.format(Locale.ROOT, "%" + (left ? "-" : "") + width + "s", text);
    }
  }

  private final List<Column<R>> columns = new ArrayList<>();

  /** A left-aligned column. */
  Table<R> left(String header, int width, Function<R, ?> cell) {
    columns.add(new Column<>(header, width, true, r -> String.valueOf(cell.apply(r))));
    return this;
  }

  /** A right-aligned column. */
  Table<R> right(String header, int width, Function<R, ?> cell) {
    columns.add(new Column<>(header, width, false, r -> String.valueOf(cell.apply(r))));
    return this;
  }

  /** A right-aligned number with {@code decimals} decimals. */
  Table<R> number(String header, int width, int decimals, ToDoubleFunction<R> value) {
    return right(header, width, r -> fixed(value.applyAsDouble(r), decimals));
  }

  /** {@code value} with {@code decimals} decimals. */
  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** The header line, then a line per row. */
  void print(PrintStream out, List<R> rows) {
    out.println(columns.stream().map(c -> c.pad(c.header())).collect(Collectors.joining(" ")));
    for (R row : rows) {
      out.println(
          columns.stream().map(c -> c.pad(c.cell().apply(row))).collect(Collectors.joining(" ")));
    }
  }
}
