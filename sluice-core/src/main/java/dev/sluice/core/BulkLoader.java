package dev.sluice.core;

import dev.sluice.core.bulk.BulkEngine;
import dev.sluice.core.bulk.EngineContext;
import java.time.Duration;

/**
 * The engine: takes documents, writes them with {@code _bulk}, retries what can succeed,
 * dead-letters what cannot. Not thread-safe for {@link #add}; internally runs several bulk requests
 * in flight on its own thread.
 *
 * <p>Not {@code AutoCloseable}: Java does not let {@code close()} return a value and implement
 * {@code AutoCloseable.close()} (void) at once, and the agreed API has {@code close()} return the
 * {@link LoadResult}. Call {@link #close()} in a finally block, or {@link #abort()} on failure.
 */
public final class BulkLoader {
  private final BulkEngine engine;

  private BulkLoader(BulkEngine engine) {
    this.engine = engine;
  }

  /** writerId names this loader in logs and dead-letter file names, e.g. "job-abc-p00003-a0". */
  public static BulkLoader open(SluiceConfig config, String writerId) {
    return open(config, writerId, LoadListener.NONE);
  }

  public static BulkLoader open(SluiceConfig config, String writerId, LoadListener listener) {
    return open(config, writerId, listener, EngineContext.defaults());
  }

  /** With injected clock, randomness, storage or transport (tests, the CLI's own transport). */
  public static BulkLoader open(
      SluiceConfig config, String writerId, LoadListener listener, EngineContext context) {
    return open(config, writerId, listener, context, Attempt.FIRST);
  }

  /**
   * @param attempt {@link Attempt#REPLAY} when an earlier run or task attempt may have delivered
   *     any of the documents this loader will be given
   */
  public static BulkLoader open(
      SluiceConfig config,
      String writerId,
      LoadListener listener,
      EngineContext context,
      Attempt attempt) {
    return new BulkLoader(BulkEngine.start(config, writerId, listener, context, attempt));
  }

  /**
   * May block while the memory cap is reached. Throws SluiceException subclasses on job-level
   * failure (fatal cluster fault, dead-letter tolerance exceeded, budget exhausted).
   *
   * @return the document's sequence number in this loader, the one {@link LoadListener#onSettled}
   *     reports when the document settles
   */
  public long add(Document document) throws InterruptedException {
    return engine.add(document);
  }

  /**
   * Dead-letters a record the caller could not turn into a valid document (a value JSON cannot
   * carry, a null id): it counts as read and lands in the dead-letter store with {@code errorType}
   * and {@code reason}, with status 0 (never sent). {@code document} holds what could be made of
   * the record: its id if known, its source as well as it could be written (or null), its position.
   * Returns its sequence number, as {@link #add} does.
   */
  public long deadLetter(Document document, String errorType, String reason) {
    return engine.deadLetter(document, errorType, reason);
  }

  /**
   * The caller was blocked for {@code waited} outside the loader, by a checkpoint's bookkeeping of
   * unsettled rows: the report counts it ({@code waitedForCheckpointMillis}) beside the time {@link
   * #add} itself waited for memory ({@code waitedForMemoryMillis}).
   */
  public void waitedForCheckpoint(Duration waited) {
    engine.waitedForCheckpoint(waited);
  }

  /**
   * Drains everything, waits for in-flight requests (bounded by the retry time budget), flushes the
   * dead-letter store, and returns the result; throws SluiceException when the load failed, when
   * the writer thread died (an {@code Error} included), or when any document was left unsettled: a
   * returned result always reconciles. Idempotent.
   */
  public LoadResult close() {
    return engine.close();
  }

  /** What {@link #closeAfter} runs: adds documents to the loader. */
  @FunctionalInterface
  public interface Feed {
    void addTo(BulkLoader loader) throws InterruptedException;
  }

  /**
   * Runs {@code feed}, then {@link #close()}s and returns the result; when the feed or the close
   * fails, {@link #abort()}s instead, so no request is left running behind the exception.
   */
  public LoadResult closeAfter(Feed feed) throws InterruptedException {
    boolean closed = false;
    try {
      feed.addTo(this);
      LoadResult result = close();
      closed = true;
      return result;
    } finally {
      if (!closed) {
        abort();
      }
    }
  }

  /**
   * Stops without draining (Spark abort): in-flight requests are cancelled, dead letters flushed.
   */
  public void abort() {
    engine.abort();
  }

  /** Live counters, including the peak bytes held so far. */
  public LoadCounters counters() {
    return engine.counters();
  }
}
