package dev.sluice.core.bulk;

import dev.sluice.core.Attempt;
import dev.sluice.core.Document;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadListener;
import dev.sluice.core.LoadResult;
import dev.sluice.core.RetryBudgetExhaustedException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.SluiceException;
import dev.sluice.core.config.BatchSettings;
import dev.sluice.core.config.RetrySettings;
import dev.sluice.core.deadletter.DeadLetterStores;
import dev.sluice.core.deadletter.DeadLetterTolerance;
import dev.sluice.core.flow.FlowControl;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.Counters;
import dev.sluice.core.retry.Backoff;
import dev.sluice.core.retry.RetryPolicy;
import dev.sluice.core.transport.BulkTransport;
import dev.sluice.core.transport.RestClientTransport;
import java.time.Duration;

/**
 * Wires one writer: the caller side ({@link #add}, {@link #close}, {@link #abort}) in front of the
 * {@link WriterLoop} thread. {@code BulkLoader} is its public face.
 */
public final class BulkEngine {
  private static final int DEAD_LETTER_BATCH = 100;
  private static final Duration ABORT_WAIT = Duration.ofSeconds(10);

  private final String writerId;
  private final DocumentEncoder encoder;
  private final ByteBudget budget;
  private final Inbox inbox;
  private final Mailbox mailbox;
  private final Counters counters;
  private final WriterLoop loop;
  private final Thread thread;
  private final Duration closeBound;
  private long nextSeq;
  private boolean closeRequested;
  private LoadResult result;
  private SluiceException closeFailure;

  private BulkEngine(
      SluiceConfig config,
      String writerId,
      LoadListener listener,
      EngineContext ctx,
      Attempt attempt) {
    this.writerId = writerId;
    this.encoder =
        new DocumentEncoder(config.defaultIndex(), config.defaultOp(), config.write().actions());
    this.counters = new Counters(ctx.clock());
    BatchSettings batch = config.batch();
    RetrySettings retry = config.retry();
    BulkTransport transport =
        ctx.transport() != null ? ctx.transport() : RestClientTransport.create(config.connection());
    FlowControl flow =
        batch.adaptive()
            ? FlowControl.adaptive(
                batch.minBatchBytes(),
                batch.maxBytes(),
                batch.concurrency(),
                batch.latencyTarget(),
                transport.describe() + "/" + config.defaultIndex(),
                ctx.clock())
            : FlowControl.fixed(batch.maxBytes(), batch.concurrency());
    RetryPolicy policy =
        new RetryPolicy(
            retry.maxAttempts(),
            retry.budget(),
            new Backoff(retry.baseDelay(), retry.maxDelay()),
            batch.adaptive());
    var deadLetterSettings = config.deadLetter();
    DeadLetterSink deadLetters =
        new DeadLetterSink(
            writerId,
            DeadLetterStores.open(ctx.storage(), deadLetterSettings, writerId, DEAD_LETTER_BATCH),
            new DeadLetterTolerance(
                deadLetterSettings.maxCount(),
                deadLetterSettings.maxRatio(),
                deadLetterSettings.ratioMinDocs()),
            counters,
            deadLetterSettings.path(),
            config.write().actions());
    Mailbox mailbox = new Mailbox(); // first: the parts below post into it
    this.mailbox = mailbox;
    this.budget =
        new ByteBudget(
            batch.memoryMaxBytes(),
            mailbox::wake,
            ctx.clock(),
            nanos -> counters.waited(Counter.WAITED_FOR_MEMORY_MILLIS, nanos));
    this.inbox = new Inbox(ctx.clock(), mailbox::wake);
    Outbox outbox =
        new Outbox(
            flow,
            new BatchAssembler(batch.maxDocs(), batch.flushInterval()),
            new RequestSender(writerId, transport, counters, mailbox::completed),
            new MemoryRoom(budget, batch),
            mailbox::wake);
    this.loop =
        new WriterLoop(
            writerId,
            ctx.clock(),
            ctx.random(),
            mailbox,
            inbox,
            outbox,
            new ResponseDecision(
                policy, transport.describe(), attempt == Attempt.REPLAY, config.idStrategy()),
            new OutcomeApplier(
                counters, deadLetters, outbox, budget, listener, attempt == Attempt.REPLAY),
            new Progress(writerId, counters, budget, listener));
    // Every document finishes within the retry budget, every request within its timeout.
    this.closeBound =
        retry.budget().plus(config.connection().requestTimeout().multipliedBy(2)).plusSeconds(10);
    this.thread = new Thread(loop, "sluice-writer-" + writerId);
    thread.setDaemon(true);
  }

  public static BulkEngine start(
      SluiceConfig config,
      String writerId,
      LoadListener listener,
      EngineContext ctx,
      Attempt attempt) {
    BulkEngine engine = new BulkEngine(config, writerId, listener, ctx, attempt);
    engine.thread.start();
    return engine;
  }

  /** Encodes the document once and hands it to the loop; blocks while the memory cap is reached. */
  public long add(Document document) throws InterruptedException {
    throwIfFailed();
    if (closeRequested) {
      throw new IllegalStateException("writer " + writerId + " is closed");
    }
    long seq = nextSeq++;
    PendingDocument pending = encoder.encode(seq, document);
    budget.acquire(pending.bytes); // throws the loop's failure if it stopped
    counters.increment(Counter.READ);
    inbox.add(pending);
    return seq;
  }

  /** The caller was blocked this long by a checkpoint's bookkeeping: counted for the report. */
  public void waitedForCheckpoint(Duration waited) {
    counters.waited(Counter.WAITED_FOR_CHECKPOINT_MILLIS, waited.toNanos());
  }

  /**
   * Dead-letters a document that never became a request (the caller could not convert it), so that
   * it is counted as read and kept with its reason. {@code source} may be null.
   */
  public long deadLetter(Document document, String errorType, String reason) {
    throwIfFailed();
    if (closeRequested) {
      throw new IllegalStateException("writer " + writerId + " is closed");
    }
    long seq = nextSeq++;
    PendingDocument rejected = encoder.unsendable(seq, document);
    counters.increment(Counter.READ);
    mailbox.post(new Mailbox.Rejected(rejected, new ItemOutcome.DeadLetter(0, errorType, reason)));
    return seq;
  }

  /** Drains and waits (bounded), then returns the result or throws the failure. Idempotent. */
  public LoadResult close() {
    if (result != null) {
      return result;
    }
    if (closeFailure != null) {
      throw closeFailure;
    }
    closeRequested = true;
    mailbox.post(new Mailbox.Drain());
    try {
      if (!loop.awaitFinished(closeBound)) {
        abort();
        closeFailure =
            new RetryBudgetExhaustedException(
                "Writer " + writerId + " did not finish within " + closeBound + "; aborted");
        throw closeFailure;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort();
      closeFailure = new SluiceException("Interrupted while closing writer " + writerId, e);
      throw closeFailure;
    }
    if (loop.failure() != null) {
      closeFailure = loop.failure();
      throw closeFailure;
    }
    LoadCounters done = counters.snapshot(budget.peak());
    if (!done.reconciles()) {
      // The loop ended without settling every document: never a result that hides them.
      closeFailure =
          new SluiceException(
              "Writer "
                  + writerId
                  + " stopped with documents unsettled: read "
                  + done.read()
                  + ", indexed "
                  + done.indexed()
                  + ", dead-lettered "
                  + done.deadLettered());
      throw closeFailure;
    }
    result =
        new LoadResult(
            done, loop.deadLetterLocation(), counters.series(), counters.deadLetterSamples());
    return result;
  }

  /**
   * Stops without draining: cancels in-flight requests, flushes dead letters. Waits (bounded) for
   * the loop to stop even when the caller was interrupted (a Spark task being killed), so that
   * every settled document was reported to the listener when this returns; the interrupt is kept.
   */
  public void abort() {
    closeRequested = true;
    mailbox.post(new Mailbox.Abort());
    boolean interrupted = Thread.interrupted();
    try {
      loop.awaitFinished(ABORT_WAIT);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public LoadCounters counters() {
    return counters.snapshot(budget.peak());
  }

  private void throwIfFailed() {
    SluiceException failure = loop.failure();
    if (failure != null) {
      throw failure;
    }
  }
}
