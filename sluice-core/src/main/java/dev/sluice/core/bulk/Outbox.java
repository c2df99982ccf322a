package dev.sluice.core.bulk;

import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.flow.FlowControl;
import dev.sluice.core.flow.FlowSignal;
import java.time.Duration;
import java.time.Instant;

/**
 * What goes out, and when: ready documents cut into batches of the flow's current size, retries
 * once due, at most the flow's concurrency in flight. Owned by the writer loop thread.
 */
final class Outbox {
  private final FlowControl flow;
  private final BatchAssembler assembler;
  private final Retries retries = new Retries();
  private final RequestSender sender;
  private final MemoryRoom memory;
  private Instant lastSent = Instant.MIN;

  /**
   * @param wake wakes the writer loop when its turn to send comes (other writers of its job held
   *     every permit)
   * @param memory told of every request sent and finished: the writer's room follows them
   */
  Outbox(
      FlowControl flow,
      BatchAssembler assembler,
      RequestSender sender,
      MemoryRoom memory,
      Runnable wake) {
    this.flow = flow;
    this.assembler = assembler;
    this.sender = sender;
    this.memory = memory;
    flow.onTurn(wake);
  }

  /** A document admitted (new, or next of its id): ready to go. */
  void add(PendingDocument doc, Instant now) {
    assembler.add(doc, now);
  }

  void retry(PendingDocument doc, Retry retry, Instant now) {
    retries.schedule(doc, retry, now);
  }

  /**
   * Sends what is worth sending now, while the flow grants permits. Without one, the writer waits
   * its turn and keeps buffering; with nothing worth sending, it gives its turn up.
   *
   * @param urgent the loader drains or a caller waits for memory: send partial batches too
   */
  void sendDue(Instant now, boolean urgent) {
    retries.releaseDue(now, doc -> assembler.add(doc, now));
    while (!now.isBefore(notBefore()) && assembler.worthSending(flow.batchBytes(), urgent, now)) {
      if (!flow.acquire(sender.inFlight())) {
        return; // in line: its turn wakes the loop
      }
      Batch batch = assembler.next(flow.batchBytes(), flow.epoch());
      retries.sent(batch, now);
      sender.send(batch, now);
      memory.inFlight(sender.inFlight());
      lastSent = now;
    }
    flow.withdraw();
  }

  /** When the flow's gap between requests lets the next one start. */
  private Instant notBefore() {
    Duration gap = flow.gap();
    return gap.isZero() ? Instant.MIN : lastSent.plus(gap);
  }

  /**
   * Every request slot is busy, or the writer waits its turn: only a completion or the turn can let
   * more out.
   */
  boolean full() {
    return flow.blocked(sender.inFlight());
  }

  /**
   * Asks the inbox to wake the loop once it holds what the next request needs (nothing while every
   * slot is busy or the flow's gap holds the next request back: a completion or the timer wakes the
   * loop). True if it holds that already.
   *
   * @param maxWait the loop's longest timed wait: a shorter flush interval needs every document
   */
  boolean wakeWhenWorthIt(Inbox inbox, Duration maxWait, Instant now) {
    if (full() || now.isBefore(notBefore())) {
      return inbox.wakeWhen(Long.MAX_VALUE, Integer.MAX_VALUE);
    }
    if (assembler.flushInterval().compareTo(maxWait) < 0) {
      return inbox.wakeWhen(1, 1); // a timed wake-up could be later than the flush is due
    }
    return inbox.wakeWhen(
        flow.batchBytes() - assembler.readyBytes(),
        assembler.maxDocs() - Math.min(assembler.size(), assembler.maxDocs()));
  }

  /**
   * When a retry or a partial batch is due, or the flow's gap lets the next request start; null if
   * nothing is. Null too while every slot is busy: waking for it would spin while the caller is
   * ahead, as nothing can go out before a completion.
   */
  Instant nextDue(Instant now) {
    if (full()) {
      return null;
    }
    Instant paced = notBefore();
    return now.isBefore(paced) ? paced : earliest(retries.nextDue(), assembler.flushDue());
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.isBefore(b) ? a : b;
  }

  /**
   * Forgets a finished request; null if it was cancelled already. Its permit goes back with {@link
   * #onResponse} (or with {@link #close}, if the response stops the writer).
   */
  RequestSender.InFlight complete(Batch batch) {
    RequestSender.InFlight done = sender.complete(batch);
    memory.inFlight(sender.inFlight());
    return done;
  }

  /**
   * Moves the flow, then gives the request's permit back: given back first, another writer of the
   * job took it at once and sent at the size and epoch a 429 had just refused.
   */
  void onResponse(Batch batch, Duration latency, BatchVerdict verdict) {
    flow.onResponse(
        new FlowSignal(
            batch.flowEpoch(),
            batch.bytes(),
            latency,
            verdict.requestFailure() == null ? verdict.throttledShare() : 0,
            verdict.requestFailure() != null));
    flow.release();
  }

  void cancelAll() {
    int cancelled = sender.inFlight();
    sender.cancelAll();
    memory.inFlight(sender.inFlight());
    for (int i = 0; i < cancelled; i++) {
      flow.release();
    }
  }

  void close() {
    flow.close();
    sender.close();
  }
}
