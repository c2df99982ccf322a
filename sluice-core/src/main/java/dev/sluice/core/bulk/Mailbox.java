package dev.sluice.core.bulk;

import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.transport.HttpResult;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The writer loop's events, posted from any thread: by the caller, by HTTP callbacks, by a caller
 * waiting for memory. It exists before the loop and its collaborators, which are given its methods.
 */
final class Mailbox {
  sealed interface Event {}

  record Completed(Batch batch, HttpResult result) implements Event {}

  /** A document the caller could not turn into a request; it goes straight to dead letters. */
  record Rejected(PendingDocument doc, DeadLetter outcome) implements Event {}

  record Drain() implements Event {}

  /**
   * Stop without draining. An event rather than an interrupt: an interrupt landing while dead
   * letters are being written would close the file channel under them and lose them.
   */
  record Abort() implements Event {}

  /** Only ends the wait: documents arrived, or the caller waits for memory. */
  record Wake() implements Event {}

  private static final Wake WAKE = new Wake();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  void post(Event event) {
    events.add(event);
  }

  void wake() {
    events.add(WAKE);
  }

  /** For the transport's callback: hands the result over and returns. */
  void completed(Batch batch, HttpResult result) {
    events.add(new Completed(batch, result));
  }

  /** The next event, or null. */
  Event poll() {
    return events.poll();
  }

  /** The next event, waiting at most this long; null if none came. */
  Event poll(long millis) throws InterruptedException {
    return events.poll(millis, TimeUnit.MILLISECONDS);
  }
}
