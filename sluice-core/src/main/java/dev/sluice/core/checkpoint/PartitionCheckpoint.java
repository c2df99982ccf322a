package dev.sluice.core.checkpoint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The progress of one partition (a Spark partition, an input split): how many of its rows, counted
 * from its first, Elasticsearch has settled (indexed or dead-lettered) with no gap. Rows merely
 * sent are never counted.
 *
 * @param partition the partition number
 * @param partitions how many partitions the input had when this was recorded (a partition number
 *     means the same rows only under the same split); {@link #UNKNOWN_SPLIT} in files of a Sluice
 *     that did not record it
 * @param rows the watermark: rows 0 to rows-1 are settled
 * @param segmentRows rows per fingerprint segment
 * @param segments one entry per segment of {@code segmentRows} rows up to {@code rows}, the last
 *     one possibly partial
 * @param complete true when every row of the partition is settled and the writer committed
 * @param writerId the writer that recorded it (for the user; never compared)
 * @param updatedAt when it was recorded
 */
public record PartitionCheckpoint(
    int partition,
    int partitions,
    long rows,
    int segmentRows,
    List<Segment> segments,
    boolean complete,
    String writerId,
    Instant updatedAt) {

  /**
   * @param idsFingerprint {@link IdFingerprint} of the ids of the segment's rows, in order
   * @param deadLettered how many of the segment's rows were dead-lettered
   */
  public record Segment(String idsFingerprint, long deadLettered) {
    public Segment {
      Objects.requireNonNull(idsFingerprint, "idsFingerprint");
    }
  }

  /** The split of a progress file written before Sluice recorded it: never trusted. */
  public static final int UNKNOWN_SPLIT = 0;

  public PartitionCheckpoint {
    if (partition < 0
        || partitions < 0
        || (partitions != UNKNOWN_SPLIT && partition >= partitions)
        || rows < 0
        || segmentRows < 1) {
      throw new IllegalArgumentException(
          "partition "
              + partition
              + " of "
              + partitions
              + ", rows "
              + rows
              + ", segment rows "
              + segmentRows);
    }
    segments = List.copyOf(segments);
    long expected = (rows + segmentRows - 1) / segmentRows;
    if (segments.size() != expected) {
      throw new IllegalArgumentException(
          rows
              + " rows in segments of "
              + segmentRows
              + " need "
              + expected
              + " fingerprints, got "
              + segments.size());
    }
    Objects.requireNonNull(writerId, "writerId");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Rows dead-lettered among the settled rows. */
  public long deadLettered() {
    long total = 0;
    for (Segment s : segments) {
      total += s.deadLettered();
    }
    return total;
  }
}
