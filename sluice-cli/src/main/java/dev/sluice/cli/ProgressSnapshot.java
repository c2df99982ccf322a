package dev.sluice.cli;

import java.time.Duration;

/**
 * What a running load has done so far, and its one-line rendering.
 *
 * @param settled rows indexed, dead-lettered or skipped by the checkpoint
 * @param totalRows rows in the input, or -1 when not known
 * @param partitionsDone write tasks finished
 * @param partitions write tasks in all, 0 before the write starts
 */
record ProgressSnapshot(
    long settled,
    long totalRows,
    long indexed,
    long deadLettered,
    long retries,
    long throttled,
    int partitionsDone,
    int partitions,
    Duration elapsed) {

  /** e.g. "1,200 of 5,000 rows · 400 docs/s · partitions 1/4 · retries 3 · 429s 0 · ..." */
  String line() {
    double seconds = elapsed.toMillis() / 1000.0;
    double rate = seconds <= 0 ? 0 : (indexed + deadLettered) / seconds;
    String rows =
        totalRows >= 0
            ? String.format("%,d of %,d rows", settled, totalRows)
            : String.format("%,d rows", settled);
    return String.format(
        "%s · %,.0f docs/s · partitions %d/%d · retries %,d · 429s %,d · dead letters %,d · %s",
        rows, rate, partitionsDone, partitions, retries, throttled, deadLettered, clock(elapsed));
  }

  static String clock(Duration elapsed) {
    long s = elapsed.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
