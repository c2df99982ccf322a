package dev.sluice.core.bulk;

import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.retry.FailureClass;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The one writer of documents' retry history (sends, transient failures, possibly applied, send
 * alone), and the documents waiting out their backoff. Owned by the writer loop thread.
 */
final class Retries {
  private record Due(Instant at, PendingDocument doc) {}

  private final PriorityQueue<Due> queue =
      new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingLong(d -> d.doc().seq));

  /** Records that the batch's documents are being sent now. */
  void sent(Batch batch, Instant now) {
    for (PendingDocument doc : batch.documents()) {
      doc.sends++;
      if (doc.firstAttempt == null) {
        doc.firstAttempt = now;
      }
      doc.lastAttempt = now;
    }
  }

  /** Records the failure the decision found, and holds the document until its retry is due. */
  void schedule(PendingDocument doc, Retry retry, Instant now) {
    FailureClass failureClass = retry.cause().failureClass();
    if (failureClass == FailureClass.TRANSIENT) {
      doc.transientFailures++;
    }
    if (failureClass == FailureClass.SEND_ALONE) {
      doc.sendAlone = true;
    }
    if (retry.possiblyApplied()) {
      doc.possiblyApplied = true;
    }
    queue.add(new Due(now.plus(retry.after()), doc));
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
