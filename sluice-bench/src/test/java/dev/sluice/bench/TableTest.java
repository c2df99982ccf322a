package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TableTest {
  private record Row(int run, String name, double rate, long count) {}

  @Test
  void linesUpHeadersAndCellsAsPrintfWidthsWould() {
    Table<Row> table =
        new Table<Row>()
            .left("run", 4, Row::run)
            .left("name", 9, Row::name)
            .number("rate", 9, 2, Row::rate)
            .right("count", 6, Row::count);
    String printed =
        print(table, List.of(new Row(1, "baseline", 1234.567, 42), new Row(12, "s", 0.004, 7)));

    String n = System.lineSeparator();
    assertThat(printed)
        .isEqualTo(
            String.format(Locale.ROOT, "%-4s %-9s %9s %6s%n", "run", "name", "rate", "count")
                + String.format(Locale.ROOT, "%-4d %-9s %9.2f %6d%n", 1, "baseline", 1234.567, 42)
                + String.format(Locale.ROOT, "%-4d %-9s %9.2f %6d%n", 12, "s", 0.004, 7L));
    assertThat(printed.split(n)[1]).isEqualTo("1    baseline    1234.57     42");
  }

  @Test
  void aCellWiderThanItsColumnPushesTheRestRight() {
    Table<Row> table = new Table<Row>().left("n", 2, Row::name).right("c", 2, Row::count);
    assertThat(print(table, List.of(new Row(1, "wide", 0, 1))).split(System.lineSeparator())[1])
        .isEqualTo("wide  1");
  }

  private static String print(Table<Row> table, List<Row> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), rows);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
