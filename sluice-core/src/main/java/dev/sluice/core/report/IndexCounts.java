package dev.sluice.core.report;

import java.io.Serializable;

/**
 * What one target index received: documents indexed there, and dead-lettered on their way there.
 */
public record IndexCounts(long indexed, long deadLettered) implements Serializable {
  public static final IndexCounts NONE = new IndexCounts(0, 0);

  public IndexCounts plus(IndexCounts other) {
    return new IndexCounts(indexed + other.indexed, deadLettered + other.deadLettered);
  }
}
