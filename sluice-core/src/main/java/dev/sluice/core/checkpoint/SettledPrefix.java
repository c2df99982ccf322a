package dev.sluice.core.checkpoint;

import java.security.MessageDigest;
import java.util.List;

/**
 * The rows of a partition known to be settled before this run writes anything: none for a fresh
 * partition, or what {@link ResumeFilter} verified. {@link PartitionProgress} carries on from it.
 * Opaque: it holds the running fingerprint of a partly filled segment.
 */
public final class SettledPrefix {
  final long rows;
  final int segmentRows;
  final List<PartitionCheckpoint.Segment> completed;
  final MessageDigest open;
  final int openRows;
  final long openDead;

  SettledPrefix(
      long rows,
      int segmentRows,
      List<PartitionCheckpoint.Segment> completed,
      MessageDigest open,
      int openRows,
      long openDead) {
    this.rows = rows;
    this.segmentRows = segmentRows;
    this.completed = List.copyOf(completed);
    this.open = open;
    this.openRows = openRows;
    this.openDead = openDead;
  }

  /** Nothing settled yet; fingerprints over segments of {@code segmentRows} rows. */
  public static SettledPrefix none(int segmentRows) {
    if (segmentRows < 1) {
      throw new IllegalArgumentException("segment rows must be >= 1, got " + segmentRows);
    }
    return new SettledPrefix(0, segmentRows, List.of(), IdFingerprint.start(), 0, 0);
  }

  /** Rows settled before this run, counted from the partition's first. */
  public long rows() {
    return rows;
  }
}
