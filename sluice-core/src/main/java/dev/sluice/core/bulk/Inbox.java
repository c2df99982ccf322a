package dev.sluice.core.bulk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the caller's thread leaves documents for the writer loop, which takes them all at once.
 *
 * <p>It wakes the loop only when the loop asked for it ({@link #wakeWhen}): once the documents here
 * would fill the batch the loop is waiting for. A queue that signals the loop for every document
 * made a fast caller pay a thread wake-up per document (the benchmark's profile showed the loop
 * parking and waking for each one); here a steady load costs about one wake-up per batch, and none
 * while every request slot is busy, since a completed request wakes the loop anyway. A document
 * that waits here unannounced is taken at the loop's next timed wake-up, with the time it arrived,
 * so the flush interval still counts from its arrival.
 */
final class Inbox {
  /** What {@link #take} hands over. {@code since} is when the oldest document arrived. */
  record Taken(List<PendingDocument> documents, Instant since) {}

  private static final Taken NOTHING = new Taken(List.of(), null);

  private final Clock clock;
  private final Runnable wake;
  private List<PendingDocument> documents = new ArrayList<>();
  private long bytes;
  private Instant since;
  private long wakeBytes = 1;
  private int wakeDocuments = 1;
  private boolean woken;

  /**
   * @param wake called (outside the lock) when the threshold set by {@link #wakeWhen} is reached
   */
  Inbox(Clock clock, Runnable wake) {
    this.clock = clock;
    this.wake = wake;
  }

  void add(PendingDocument document) {
    boolean wakeNow;
    synchronized (this) {
      if (documents.isEmpty()) {
        since = clock.instant(); // one clock read per group, not per document
      }
      documents.add(document);
      bytes += document.bytes;
      wakeNow = !woken && reached();
      woken |= wakeNow;
    }
    if (wakeNow) {
      wake.run();
    }
  }

  /** Takes every document, in arrival order; an empty list if there is none. */
  synchronized Taken take() {
    if (documents.isEmpty()) {
      return NOTHING;
    }
    Taken taken = new Taken(documents, since);
    documents = new ArrayList<>(Math.max(16, taken.documents().size()));
    bytes = 0;
    since = null;
    return taken;
  }

  /**
   * Asks for one wake-up once this many bytes or documents are here ({@code Long.MAX_VALUE} /
   * {@code Integer.MAX_VALUE}: none). Returns true, and wakes no one, if that is already so.
   */
  synchronized boolean wakeWhen(long bytes, int documents) {
    wakeBytes = Math.max(1, bytes);
    wakeDocuments = Math.max(1, documents);
    woken = reached();
    return woken;
  }

  private boolean reached() {
    return !documents.isEmpty() && (bytes >= wakeBytes || documents.size() >= wakeDocuments);
  }
}
