package dev.sluice.bench;

import dev.sluice.testkit.NodeSpec;

/**
 * A node that throttles for real, as a small busy cluster does: the testkit's tiny write queue (one
 * write thread, a queue of one) and 2 MB of indexing pressure, so concurrent or large bulks get
 * 429s from Elasticsearch itself, whole requests and single items alike.
 */
final class TinyQueueNode {
  private TinyQueueNode() {}

  static NodeSpec spec(String name) {
    return NodeSpec.builder()
        .name(name)
        .heap("512m")
        .tinyWriteQueue()
        .setting("indexing_pressure.memory.limit", "2mb")
        .build();
  }
}
