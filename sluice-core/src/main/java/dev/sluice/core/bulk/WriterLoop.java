package dev.sluice.core.bulk;

import dev.sluice.core.LoadListener;
import dev.sluice.core.SluiceException;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.bulk.ItemOutcome.Indexed;
import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.flow.FlowControl;
import dev.sluice.core.report.Counters;
import dev.sluice.core.transport.HttpResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's one thread. Everything mutable (ready, parked, retrying, in-flight documents) is
 * touched only here; the caller hands documents over through the {@link Inbox}, and callers and
 * HTTP callbacks send everything else through {@link #post}.
 */
final class WriterLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterLoop.class);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
  private static final long MAX_WAIT_MILLIS = 200;

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

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final SameIdGate gate = new SameIdGate();
  private final RetryScheduler retries = new RetryScheduler();
  private final Inbox inbox;
  private final String writerId;
  private final Clock clock;
  private final FlowControl flow;
  private final ByteBudget budget;
  private final BatchAssembler assembler;
  private final RequestSender sender;
  private final ResponseHandler handler;
  private final DeadLetterSink deadLetters;
  private final Counters counters;
  private final LoadListener listener;
  private final Runnable closeTransport;
  private final SettledLog settled = new SettledLog();
  private long outstanding;
  private boolean draining;
  private Instant nextProgress;
  private volatile SluiceException failure;

  WriterLoop(
      Inbox inbox,
      String writerId,
      Clock clock,
      FlowControl flow,
      ByteBudget budget,
      BatchAssembler assembler,
      RequestSender sender,
      ResponseHandler handler,
      DeadLetterSink deadLetters,
      Counters counters,
      LoadListener listener,
      Runnable closeTransport) {
    this.inbox = inbox;
    this.writerId = writerId;
    this.clock = clock;
    this.flow = flow;
    this.budget = budget;
    this.assembler = assembler;
    this.sender = sender;
    this.handler = handler;
    this.deadLetters = deadLetters;
    this.counters = counters;
    this.listener = listener;
    this.closeTransport = closeTransport;
    this.nextProgress = clock.instant();
  }

  @Override
  public void run() {
    try {
      while (!(draining && outstanding == 0)) {
        Event event = await(clock.instant());
        for (; event != null; event = events.poll()) {
          if (event instanceof Abort) {
            throw new InterruptedException("abort requested");
          }
          handle(event);
        }
        // After the events: a Drain seen above comes after the caller's last document.
        admit(inbox.take());
        deliverSettled();
        Instant now = clock.instant();
        retries.releaseDue(now, doc -> assembler.add(doc, now));
        boolean urgent = draining || budget.hasWaiters();
        while (sender.inFlight() < flow.concurrency()
            && assembler.worthSending(flow.batchBytes(), urgent, now)) {
          sender.send(assembler.next(flow.batchBytes(), flow.epoch()), now);
        }
        reportProgress(now, false);
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

  void post(Event event) {
    events.add(event);
  }

  SluiceException failure() {
    return failure;
  }

  boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  String deadLetterLocation() {
    return deadLetters.location();
  }

  /**
   * Waits for the next event, a timer, or as many new documents as the next request needs (none
   * while every request slot is busy: a completion will wake the loop). Null if nothing came.
   */
  private Event await(Instant now) throws InterruptedException {
    boolean enough;
    if (sender.inFlight() >= flow.concurrency()) {
      enough = inbox.wakeWhen(Long.MAX_VALUE, Integer.MAX_VALUE);
    } else if (assembler.flushInterval().toMillis() < MAX_WAIT_MILLIS) {
      enough = inbox.wakeWhen(1, 1); // a timed wake-up could be later than the flush is due
    } else {
      enough =
          inbox.wakeWhen(
              flow.batchBytes() - assembler.readyBytes(),
              assembler.maxDocs() - Math.min(assembler.size(), assembler.maxDocs()));
    }
    return enough ? events.poll() : events.poll(waitMillis(now), TimeUnit.MILLISECONDS);
  }

  /** Takes the documents the caller added, in order, through the same-id gate. */
  private void admit(Inbox.Taken taken) {
    for (PendingDocument doc : taken.documents()) {
      outstanding++;
      if (gate.admit(doc)) {
        assembler.add(doc, taken.since());
      }
    }
  }

  private void handle(Event event) {
    Instant now = clock.instant();
    if (event instanceof Completed c) {
      onCompleted(c.batch(), c.result(), now);
    } else if (event instanceof Rejected r) {
      deadLetters.accept(r.doc(), r.outcome());
      settled.add(r.doc().seq, true);
      deadLetters.checkTolerance();
    } else if (event instanceof Drain) {
      draining = true;
    } // Wake: only ends the wait
  }

  private void onCompleted(Batch batch, HttpResult result, Instant now) {
    RequestSender.InFlight sent = sender.complete(batch);
    if (sent == null) {
      return; // cancelled
    }
    Duration latency = Duration.between(sent.sentAt(), now);
    if (result.error() == null) {
      counters.bulkRequests.increment();
      counters.latency(latency.toMillis());
    }
    BatchVerdict verdict = handler.handle(batch, result, now);
    flow.onResponse(batch.flowEpoch(), latency, verdict.throttled());
    List<ItemOutcome> outcomes = verdict.outcomes();
    int retried = 0;
    long freed = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      PendingDocument doc = batch.documents().get(i);
      ItemOutcome outcome = outcomes.get(i);
      if (outcome instanceof Indexed ok) {
        counters.indexed(ok.result());
        settled.add(doc.seq, false);
        freed += resolve(doc, now);
      } else if (outcome instanceof Retry retry) {
        retried++;
        scheduleRetry(doc, retry, verdict.requestFailure() == null, now);
      } else if (outcome instanceof DeadLetter dead) {
        deadLetters.accept(doc, dead);
        settled.add(doc.seq, true);
        freed += resolve(doc, now);
      }
    }
    budget.release(freed); // once per request, not per document: a waiting caller wakes once
    logRound(batch, verdict, retried, latency);
    deadLetters.checkTolerance();
  }

  private void scheduleRetry(PendingDocument doc, Retry retry, boolean perItem, Instant now) {
    counters.retriedItems.increment();
    if (retry.throttled() && perItem) {
      counters.throttled.increment();
    }
    if (retry.possiblyApplied()) {
      doc.possiblyApplied = true;
      if (doc.id() == null) {
        counters.possibleDuplicates.increment();
      }
    }
    retries.schedule(doc, now.plus(retry.delay()));
  }

  private void logRound(Batch batch, BatchVerdict verdict, int retried, Duration latency) {
    if (verdict.requestFailure() != null) {
      counters.retriedRequests.increment();
      if (verdict.throttled()) {
        counters.throttled.increment();
      }
      LOG.info(
          "writer={} batch={} request failed ({}); retrying all {} documents after backoff",
          writerId,
          batch.id(),
          verdict.requestFailure(),
          retried);
    } else if (retried > 0) {
      LOG.info(
          "writer={} batch={} retrying {} of {} documents after backoff (reasons: {})",
          writerId,
          batch.id(),
          retried,
          batch.size(),
          reasons(verdict));
    }
    LOG.debug(
        "writer={} batch={} done docs={} retried={} took={}ms",
        writerId,
        batch.id(),
        batch.size(),
        retried,
        latency.toMillis());
  }

  private static String reasons(BatchVerdict verdict) {
    return String.join(
        ",",
        verdict.outcomes().stream()
            .flatMap(o -> o instanceof Retry r ? Stream.of(r.reason()) : Stream.empty())
            .distinct()
            .toList());
  }

  /**
   * Tells the listener what the events just handled settled. Dead letters are flushed first, so
   * that a document reported settled as dead-lettered is in the dead-letter file even if the
   * process dies right after.
   */
  private void deliverSettled() {
    if (settled.isEmpty()) {
      return;
    }
    if (settled.hasDeadLetters()) {
      deadLetters.flush();
    }
    settled.drainTo(listener);
  }

  /**
   * The document is done (indexed or dead-lettered): frees its id, and returns its bytes for the
   * caller to release.
   */
  private long resolve(PendingDocument doc, Instant now) {
    outstanding--;
    PendingDocument next = gate.release(doc);
    if (next != null) {
      assembler.add(next, now);
    }
    return doc.bytes;
  }

  private long waitMillis(Instant now) {
    Instant wake = nextProgress;
    // With every request slot busy, a due flush or retry cannot go out before a completion (an
    // event) frees one; waking for it would spin every millisecond while the caller is ahead.
    if (sender.inFlight() < flow.concurrency()) {
      for (Instant candidate : new Instant[] {retries.nextDue(), assembler.flushDue()}) {
        if (candidate != null && candidate.isBefore(wake)) {
          wake = candidate;
        }
      }
    }
    long millis = Duration.between(now, wake).toMillis();
    return Math.max(1, Math.min(MAX_WAIT_MILLIS, millis));
  }

  private void reportProgress(Instant now, boolean force) {
    if (force || !now.isBefore(nextProgress)) {
      nextProgress = now.plus(PROGRESS_EVERY);
      try {
        listener.onProgress(counters.snapshot(budget.peak()));
      } catch (RuntimeException e) {
        LOG.warn("writer={} progress listener failed: {}", writerId, e.toString());
      }
    }
  }

  /**
   * Releases everything; whatever fails here, waiters are woken and close() is not left hanging.
   */
  private void shutdown() {
    try {
      if (failure != null) {
        sender.cancelAll();
      }
      try {
        deadLetters.close();
        // Settled in the pass that was cut short: their dead letters are on disk now, so a
        // checkpoint may count them and a resume will not send them again.
        settled.drainTo(listener);
      } catch (SluiceException e) {
        if (failure == null) {
          failure = e;
        }
      } catch (RuntimeException | Error e) {
        LOG.warn(
            "writer={} could not report the last settled documents: {}", writerId, e.toString());
      }
      closeTransport.run();
      reportProgress(clock.instant(), true);
    } finally {
      budget.fail(
          failure != null ? failure : new SluiceException("Writer " + writerId + " is closed"));
      if (failure != null) {
        LOG.error("writer={} stopped: {}", writerId, failure.getMessage());
      }
      finished.countDown();
    }
  }
}
