package dev.sluice.cli;

import java.util.Optional;

/**
 * Whether a CSV column Spark inferred as text is really numeric with a few bad values. Spark's
 * inference types a column as text when a single value is not a number, and then every row carries
 * the column as a string; a column whose values are numbers but for at most 1% of them (or one,
 * among three or more) is typed as the number instead, and the rows whose value does not fit are
 * dead-lettered as malformed. {@code --schema} overrides any guess.
 */
final class NumericColumn {
  private NumericColumn() {}

  /**
   * The Spark SQL type for a column, or empty to keep it text.
   *
   * @param values non-empty values
   * @param ints values that are 32-bit integers
   * @param longs values that are 64-bit integers
   * @param doubles values that are numbers
   */
  static Optional<String> type(long values, long ints, long longs, long doubles) {
    if (fits(values, ints)) {
      return Optional.of("int");
    }
    if (fits(values, longs)) {
      return Optional.of("bigint");
    }
    if (fits(values, doubles)) {
      return Optional.of("double");
    }
    return Optional.empty();
  }

  private static boolean fits(long values, long numbers) {
    long bad = values - numbers;
    return numbers > 0 && (bad * 100 <= values || (bad == 1 && values >= 3));
  }
}
