package dev.sluice.spark;

import java.time.LocalDate;

/**
 * ISO-8601 text of dates and instants written straight into a {@link JsonBuffer}, byte for byte as
 * {@link LocalDate#toString()} and {@link java.time.Instant#toString()} print them, without the
 * objects and the formatter they go through. Years 0 to 9999 take this path; others (signed, or
 * five digits) are printed by {@code java.time} itself.
 */
final class IsoText {
  private static final long DAYS_0000_TO_1970 = 719_528L;
  private static final long FIRST_DAY = -DAYS_0000_TO_1970; // 0000-01-01
  private static final long LAST_DAY = 2_932_896L; // 9999-12-31
  private static final int SECONDS_PER_DAY = 86_400;

  private IsoText() {}

  /** {@code "yyyy-MM-dd"}, quoted, of the day {@code epochDay} days after 1970-01-01. */
  static void writeDate(JsonBuffer out, long epochDay) {
    if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
      out.writeString(LocalDate.ofEpochDay(epochDay).toString());
      return;
    }
    out.write((byte) '"');
    date(out, epochDay);
    out.write((byte) '"');
  }

  /**
   * {@code "yyyy-MM-ddTHH:mm:ss[.SSS|.SSSSSS]Z"}, quoted, as {@code Instant.toString()} prints the
   * instant {@code micros} microseconds after the epoch: seconds always, then milliseconds or
   * microseconds when there are any.
   */
  static void writeInstant(JsonBuffer out, long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int micro = (int) Math.floorMod(micros, 1_000_000L);
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    if (day < FIRST_DAY || day > LAST_DAY) {
      out.writeString(DateOutput.instantOfMicros(micros).toString());
      return;
    }
    int second = Math.floorMod(seconds, SECONDS_PER_DAY);
    out.write((byte) '"');
    date(out, day);
    out.write((byte) 'T');
    out.writeDigits(second / 3600, 2);
    out.write((byte) ':');
    out.writeDigits(second / 60 % 60, 2);
    out.write((byte) ':');
    out.writeDigits(second % 60, 2);
    if (micro != 0) {
      out.write((byte) '.');
      if (micro % 1000 == 0) {
        out.writeDigits(micro / 1000, 3);
      } else {
        out.writeDigits(micro, 6);
      }
    }
    out.write((byte) 'Z');
    out.write((byte) '"');
  }

  /** The civil date of a day of years 0 to 9999 (the proleptic Gregorian calendar). */
  private static void date(JsonBuffer out, long epochDay) {
    // Days from 0000-03-01, so that the leap day ends each 4-, 100- and 400-year cycle.
    long days = epochDay + DAYS_0000_TO_1970 - 60;
    long era = Math.floorDiv(days, 146_097);
    int dayOfEra = (int) (days - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
    out.writeDigits((int) year, 4);
    out.write((byte) '-');
    out.writeDigits(month, 2);
    out.write((byte) '-');
    out.writeDigits(day, 2);
  }
}
