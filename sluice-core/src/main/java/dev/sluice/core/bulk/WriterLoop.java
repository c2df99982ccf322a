package dev.sluice.core.bulk;

import dev.sluice.core.SluiceException;
import dev.sluice.core.bulk.Mailbox.Abort;
import dev.sluice.core.bulk.Mailbox.Completed;
import dev.sluice.core.bulk.Mailbox.Drain;
import dev.sluice.core.bulk.Mailbox.Event;
import dev.sluice.core.bulk.Mailbox.Rejected;
import dev.sluice.core.transport.HttpResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's one thread. Everything mutable (ready, parked, retrying, in-flight documents) is
 * touched only here; the caller hands documents over through the {@link Inbox}, and callers and
 * HTTP callbacks send everything else through the {@link Mailbox}.
 */
final class WriterLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterLoop.class);
  private static final Duration MAX_WAIT = Duration.ofMillis(200);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final String writerId;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Mailbox mailbox;
  private final Inbox inbox;
  private final Outbox outbox;
  private final ResponseDecision decision;
  private final OutcomeApplier applier;
  private final Progress progress;
  private final RoundLog rounds;
  private boolean draining;
  private volatile SluiceException failure;

  /**
   * @param random numbers in [0, 1), one drawn per response for the backoff jitter
   */
  WriterLoop(
      String writerId,
      Clock clock,
      DoubleSupplier random,
      Mailbox mailbox,
      Inbox inbox,
      Outbox outbox,
      ResponseDecision decision,
      OutcomeApplier applier,
      Progress progress) {
    this.writerId = writerId;
    this.clock = clock;
    this.random = random;
    this.mailbox = mailbox;
    this.inbox = inbox;
    this.outbox = outbox;
    this.decision = decision;
    this.applier = applier;
    this.progress = progress;
    this.rounds = new RoundLog(writerId);
  }

  @Override
  public void run() {
    try {
      while (!(draining && applier.outstanding() == 0)) {
        Event event = await(clock.instant());
        for (; event != null; event = mailbox.poll()) {
          if (event instanceof Abort) {
            throw new InterruptedException("abort requested");
          }
          handle(event);
        }
        // After the events: a Drain seen above comes after the caller's last document.
        applier.admit(inbox.take());
        applier.deliverSettled();
        Instant now = clock.instant();
        outbox.sendDue(now, draining || applier.callerWaiting());
        progress.report(now, false);
      }
    } catch (InterruptedException e) {
      failure = new SluiceException("Writer " + writerId + " was aborted before it finished");
    } catch (SluiceException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = new SluiceException("Writer " + writerId + " failed unexpectedly: " + e, e);
    } catch (Error e) {
      // Out of memory, a library clash: the thread ends here, and close() must not pass for done.
      failure = new SluiceException("Writer " + writerId + " stopped on an error: " + e, e);
    } finally {
      shutdown();
    }
  }

  SluiceException failure() {
    return failure;
  }

  boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  String deadLetterLocation() {
    return applier.deadLetterLocation();
  }

  /**
   * Waits for the next event, a timer, or as many new documents as the next request needs. Null if
   * nothing came.
   */
  private Event await(Instant now) throws InterruptedException {
    boolean enough = outbox.wakeWhenWorthIt(inbox, MAX_WAIT, now);
    return enough ? mailbox.poll() : mailbox.poll(waitMillis(now));
  }

  private void handle(Event event) {
    if (event instanceof Completed c) {
      onCompleted(c.batch(), c.result(), clock.instant());
    } else if (event instanceof Rejected r) {
      applier.reject(r.doc(), r.outcome());
    } else if (event instanceof Drain) {
      draining = true;
    } // Wake: only ends the wait
  }

  private void onCompleted(Batch batch, HttpResult result, Instant now) {
    RequestSender.InFlight sent = outbox.complete(batch);
    if (sent == null) {
      return; // cancelled
    }
    Duration latency = Duration.between(sent.sentAt(), now);
    if (result.error() == null) {
      applier.responded(latency);
    }
    BatchVerdict verdict = decision.decide(result, batch, now, random.getAsDouble());
    if (verdict.stop() != null) {
      throw verdict.stop();
    }
    outbox.onResponse(batch, latency, verdict);
    int retried = applier.apply(batch, verdict, now);
    rounds.log(batch, verdict, retried, latency);
    applier.checkTolerance();
  }

  private long waitMillis(Instant now) {
    Instant wake = progress.nextDue() != null ? progress.nextDue() : now.plus(MAX_WAIT);
    Instant due = outbox.nextDue(now);
    if (due != null && due.isBefore(wake)) {
      wake = due;
    }
    long millis = Duration.between(now, wake).toMillis();
    return Math.max(1, Math.min(MAX_WAIT.toMillis(), millis));
  }

  /**
   * Releases everything; whatever fails here, waiters are woken and close() is not left hanging.
   */
  private void shutdown() {
    try {
      if (failure != null) {
        outbox.cancelAll();
      }
      try {
        applier.close();
      } catch (SluiceException e) {
        if (failure == null) {
          failure = e;
        }
      } catch (RuntimeException | Error e) {
        LOG.warn(
            "writer={} could not report the last settled documents: {}", writerId, e.toString());
      }
      outbox.close();
      progress.report(clock.instant(), true);
    } finally {
      applier.stopCallers(
          failure != null ? failure : new SluiceException("Writer " + writerId + " is closed"));
      if (failure != null) {
        LOG.error("writer={} stopped: {}", writerId, failure.getMessage());
      }
      finished.countDown();
    }
  }
}
