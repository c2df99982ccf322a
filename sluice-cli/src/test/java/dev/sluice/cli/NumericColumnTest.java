package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericColumnTest {
  @ParameterizedTest(name = "{0} values: {1} int, {2} bigint, {3} double -> {4}")
  @CsvSource(
      nullValues = "text",
      value = {
        "1000, 1000, 1000, 1000, int",
        "1000,  990,  990,  990, int", // 1% bad: a few bad numbers
        "1000,  989,  989,  989, text", // more than 1% bad: text
        "3,       2,    2,    2, int", // one bad among three
        "2,       1,    1,    1, text", // one bad among two: no telling
        "100,     0,  100,  100, bigint",
        "100,     0,    0,  100, double",
        "100,     0,    0,   99, double",
        "100,     0,    0,    0, text",
        "0,       0,    0,    0, text",
      })
  void type(long values, long ints, long longs, long doubles, String expected) {
    assertThat(NumericColumn.type(values, ints, longs, doubles))
        .isEqualTo(Optional.ofNullable(expected));
  }
}
