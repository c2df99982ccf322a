package dev.sluice.core.checkpoint;

import java.util.Objects;

/**
 * Which partition a progress file is about: its number, how many partitions the input has in this
 * run (a partition number names the same rows only under the same split), and the writer that
 * records it (for the user; never compared).
 */
public record PartitionRef(int partition, int partitions, String writerId) {
  public PartitionRef {
    Objects.requireNonNull(writerId, "writerId");
    if (partition < 0 || partitions < 0) {
      throw new IllegalArgumentException("partition " + partition + " of " + partitions);
    }
  }
}
