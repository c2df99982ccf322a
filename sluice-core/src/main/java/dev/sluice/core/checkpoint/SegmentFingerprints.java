package dev.sluice.core.checkpoint;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The fingerprints of a partition's settled rows, one per segment of {@code segmentRows} rows, the
 * last one possibly partial: rows join in input order as the watermark passes them. Not
 * thread-safe.
 */
final class SegmentFingerprints {
  private final int segmentRows;
  private final List<PartitionCheckpoint.Segment> full;
  private final MessageDigest open;
  private int openRows;
  private long openDead;

  SegmentFingerprints(SettledPrefix prefix) {
    this.segmentRows = prefix.segmentRows;
    this.full = new ArrayList<>(prefix.completed);
    this.open = IdFingerprint.copy(prefix.open);
    this.openRows = prefix.openRows;
    this.openDead = prefix.openDead;
  }

  int segmentRows() {
    return segmentRows;
  }

  void add(String id, boolean deadLettered) {
    IdFingerprint.add(open, id);
    openRows++;
    if (deadLettered) {
      openDead++;
    }
    if (openRows == segmentRows) {
      full.add(new PartitionCheckpoint.Segment(IdFingerprint.finish(open), openDead));
      openRows = 0;
      openDead = 0;
    }
  }

  /** Every segment so far, the open one included. */
  List<PartitionCheckpoint.Segment> snapshot() {
    List<PartitionCheckpoint.Segment> all = new ArrayList<>(full.size() + 1);
    all.addAll(full);
    if (openRows > 0) {
      all.add(new PartitionCheckpoint.Segment(IdFingerprint.peek(open), openDead));
    }
    return all;
  }
}
