package dev.sluice.core.bulk;

import dev.sluice.core.LoadListener;
import dev.sluice.core.SluiceException;
import dev.sluice.core.bulk.ItemOutcome.AlreadyDelivered;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.bulk.ItemOutcome.Indexed;
import dev.sluice.core.bulk.ItemOutcome.Merged;
import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.Counters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Carries out what the decision said: counts each outcome, dead-letters, schedules retries, and
 * settles documents (frees their bytes, lets the next document with the same id go, tells the
 * listener). Also keeps the count of documents between admission and settlement. Owned by the
 * writer loop thread.
 */
final class OutcomeApplier {
  private final Counters counters;
  private final DeadLetterSink deadLetters;
  private final Outbox outbox;
  private final ByteBudget budget;
  private final LoadListener listener;
  private final SameIdGate gate = new SameIdGate();
  private final SettledLog settled = new SettledLog();
  private final IndexedRun indexedRun;
  private final boolean replay;
  private long outstanding;

  /**
   * @param replay an earlier run or task attempt may have delivered any document: one with a
   *     generated id may then exist twice, whatever this attempt's answer
   */
  OutcomeApplier(
      Counters counters,
      DeadLetterSink deadLetters,
      Outbox outbox,
      ByteBudget budget,
      LoadListener listener,
      boolean replay) {
    this.replay = replay;
    this.counters = counters;
    this.indexedRun = new IndexedRun(counters);
    this.deadLetters = deadLetters;
    this.outbox = outbox;
    this.budget = budget;
    this.listener = listener;
  }

  /** Takes the documents the caller added, in order, through the same-id gate. */
  void admit(Inbox.Taken taken) {
    for (PendingDocument doc : taken.documents()) {
      outstanding++;
      if (gate.admit(doc)) {
        outbox.add(doc, taken.since());
      }
    }
  }

  /** A request got a response (of any status). */
  void responded(Duration latency) {
    counters.increment(Counter.BULK_REQUESTS);
    counters.latency(latency.toMillis());
  }

  /** Applies one verdict (without a stop); returns how many documents go again. */
  int apply(Batch batch, BatchVerdict verdict, Instant now) {
    boolean perItem = verdict.requestFailure() == null;
    if (!perItem) {
      counters.increment(Counter.RETRIED_REQUESTS);
      if (verdict.throttled()) {
        counters.increment(Counter.THROTTLED);
      }
    }
    List<ItemOutcome> outcomes = verdict.outcomes();
    int retried = 0;
    long freed = 0;
    long merged = 0;
    try {
      for (int i = 0; i < outcomes.size(); i++) {
        PendingDocument doc = batch.documents().get(i);
        ItemOutcome outcome = outcomes.get(i);
        if (outcome instanceof Indexed ok) {
          indexedRun.count(ok.result(), doc.index);
          if (replay && doc.id() == null && !doc.possiblyApplied) { // else counted at its retry
            counters.increment(Counter.POSSIBLE_DUPLICATES);
          }
          freed += settle(doc, false, now);
        } else if (outcome instanceof Merged) {
          merged++;
          freed += settle(doc, false, now);
        } else if (outcome instanceof AlreadyDelivered) {
          indexedRun.count(Counters.ALREADY_DELIVERED, doc.index);
          freed += settle(doc, false, now);
        } else if (outcome instanceof Retry retry) {
          retried++;
          countRetry(doc, retry, perItem);
          outbox.retry(doc, retry, now);
        } else if (outcome instanceof DeadLetter dead) {
          deadLetters.accept(doc, dead);
          freed += settle(doc, true, now);
        }
      }
    } finally {
      // Counted once per response rather than per document (each count takes the sampler's lock).
      indexedRun.flush();
      if (merged > 0) {
        counters.add(Counter.MERGED, merged);
      }
    }
    budget.release(freed); // once per request, not per document: a waiting caller wakes once
    return retried;
  }

  /** A document the caller could not turn into a request. */
  void reject(PendingDocument doc, DeadLetter outcome) {
    deadLetters.accept(doc, outcome);
    settled.add(doc.seq, true);
    deadLetters.checkTolerance();
  }

  /** Throws DeadLetterToleranceException when too many documents were rejected. */
  void checkTolerance() {
    deadLetters.checkTolerance();
  }

  /** Documents admitted and not yet settled. */
  long outstanding() {
    return outstanding;
  }

  /** A caller is blocked on the memory cap: partial batches should go now. */
  boolean callerWaiting() {
    return budget.hasWaiters();
  }

  /**
   * Tells the listener what was settled since last time. Dead letters are flushed first, so that a
   * document reported settled as dead-lettered is in the dead-letter file even if the process dies
   * right after.
   */
  void deliverSettled() {
    if (settled.isEmpty()) {
      return;
    }
    if (settled.hasDeadLetters()) {
      deadLetters.flush();
    }
    settled.drainTo(listener);
  }

  /**
   * Closes the dead-letter store, then reports what was settled in the pass that was cut short:
   * their dead letters are on disk now, so a checkpoint may count them.
   */
  void close() {
    deadLetters.close();
    settled.drainTo(listener);
  }

  /** Wakes callers waiting for memory with this failure, now and for later calls. */
  void stopCallers(SluiceException failure) {
    budget.fail(failure);
  }

  String deadLetterLocation() {
    return deadLetters.location();
  }

  private void countRetry(PendingDocument doc, Retry retry, boolean perItem) {
    counters.increment(Counter.RETRIED_ITEMS);
    if (retry.throttled() && perItem) {
      counters.increment(Counter.THROTTLED);
    }
    if (retry.possiblyApplied() && doc.id() == null) {
      counters.increment(Counter.POSSIBLE_DUPLICATES);
    }
  }

  /** The document is done: frees its id for the next one, and returns its bytes to release. */
  private long settle(PendingDocument doc, boolean deadLettered, Instant now) {
    settled.add(doc.seq, deadLettered);
    outstanding--;
    PendingDocument next = gate.release(doc);
    if (next != null) {
      outbox.add(next, now);
    }
    return doc.bytes;
  }
}
