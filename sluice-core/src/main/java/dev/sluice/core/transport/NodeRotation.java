package dev.sluice.core.transport;

import java.time.Duration;
import java.time.Instant;

/**
 * Which node the next request goes to: round-robin, skipping a node whose last request failed
 * (connection fault, 502/503/504) until it has rested, so that the engine's retry of a failed
 * request goes to another node. With every node resting, the one that failed longest ago. Each
 * request goes to exactly one node: nothing here re-sends anything.
 */
final class NodeRotation {
  /** How long a failed node is passed over, unless every node failed. */
  static final Duration REST = Duration.ofSeconds(30);

  private final Instant[] failedAt;
  private int next;

  NodeRotation(int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("need at least one node");
    }
    this.failedAt = new Instant[nodes];
  }

  synchronized int pick(Instant now) {
    int chosen = -1;
    for (int i = 0; i < failedAt.length && chosen < 0; i++) {
      int node = (next + i) % failedAt.length;
      if (failedAt[node] == null || !now.isBefore(failedAt[node].plus(REST))) {
        chosen = node;
      }
    }
    if (chosen < 0) {
      chosen = 0;
      for (int node = 1; node < failedAt.length; node++) {
        if (failedAt[node].isBefore(failedAt[chosen])) {
          chosen = node;
        }
      }
    }
    next = (chosen + 1) % failedAt.length;
    return chosen;
  }

  synchronized void failed(int node, Instant now) {
    failedAt[node] = now;
  }

  synchronized void succeeded(int node) {
    failedAt[node] = null;
  }
}
