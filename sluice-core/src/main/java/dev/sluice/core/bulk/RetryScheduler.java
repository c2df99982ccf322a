package dev.sluice.core.bulk;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/** Documents waiting out their backoff, released when due. */
final class RetryScheduler {
  private record Due(Instant at, PendingDocument doc) {}

  private final PriorityQueue<Due> queue =
      new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingLong(d -> d.doc().seq));

  void schedule(PendingDocument doc, Instant at) {
    queue.add(new Due(at, doc));
  }

  /** Hands every document due at {@code now} to {@code sink}, oldest document first per instant. */
  void releaseDue(Instant now, Consumer<PendingDocument> sink) {
    while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
      sink.accept(queue.poll().doc());
    }
  }

  /** When the next document is due, or null. */
  Instant nextDue() {
    return queue.isEmpty() ? null : queue.peek().at();
  }
}
