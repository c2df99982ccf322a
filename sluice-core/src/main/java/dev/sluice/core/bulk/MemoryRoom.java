package dev.sluice.core.bulk;

import dev.sluice.core.config.BatchSettings;

/**
 * How much a writer may hold: with the default cap, a full batch per request it has in flight and
 * one more being filled, so a full batch is ready when a request comes back. The requests in flight
 * are the job's permits (shared by its writers), so a writer waiting for its turn holds one batch
 * rather than a cap sized for requests it cannot send: with the defaults, 4 writers sharing 3
 * permits may hold 4 x 20 MB of documents under a fixed cap, and at most 4 x 5 MB being filled plus
 * 3 x 5 MB in flight here, every byte of it live data that each young collection copies. A cap the
 * user set stays as set. Owned by the writer loop thread.
 */
final class MemoryRoom {
  private final ByteBudget budget;
  private final long batchBytes;
  private final long max;
  private final boolean followsRequests;

  MemoryRoom(ByteBudget budget, BatchSettings batch) {
    this(budget, batch.maxBytes(), batch.memoryMaxBytes(), batch.memoryFollowsRequests());
  }

  MemoryRoom(ByteBudget budget, long batchBytes, long max, boolean followsRequests) {
    this.budget = budget;
    this.batchBytes = batchBytes;
    this.max = max;
    this.followsRequests = followsRequests;
    inFlight(0);
  }

  /** The writer has this many requests in flight now. */
  void inFlight(int requests) {
    budget.limit(followsRequests ? capFor(requests, batchBytes, max) : max);
  }

  /** A batch per request in flight and one more, at most {@code max}. */
  static long capFor(int requests, long batchBytes, long max) {
    return Math.min(max, batchBytes * (requests + 1L));
  }
}
