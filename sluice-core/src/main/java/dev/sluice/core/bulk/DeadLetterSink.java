package dev.sluice.core.bulk;

import dev.sluice.core.SluiceException;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.deadletter.DeadLetterStore;
import dev.sluice.core.deadletter.DeadLetterTolerance;
import dev.sluice.core.report.Counters;
import java.io.IOException;
import java.util.Locale;

/** Writes rejected documents to the store, counts them, and stops the load past the tolerance. */
final class DeadLetterSink {
  private final String writerId;
  private final DeadLetterStore store;
  private final DeadLetterTolerance tolerance;
  private final Counters counters;
  private final String path;

  DeadLetterSink(
      String writerId,
      DeadLetterStore store,
      DeadLetterTolerance tolerance,
      Counters counters,
      String path) {
    this.writerId = writerId;
    this.store = store;
    this.tolerance = tolerance;
    this.counters = counters;
    this.path = path;
  }

  void accept(PendingDocument doc, DeadLetter outcome) {
    DeadLetterRecord record =
        new DeadLetterRecord(
            DeadLetterRecord.FORMAT_VERSION,
            doc.index,
            doc.id(),
            doc.op.name().toLowerCase(Locale.ROOT),
            outcome.status(),
            outcome.errorType(),
            outcome.reason(),
            doc.sends,
            doc.firstAttempt,
            doc.lastAttempt,
            doc.document.position(),
            writerId,
            doc.document.source());
    try {
      store.write(record);
    } catch (IOException e) {
      throw writeFailed(e);
    }
    counters.deadLettered(record);
  }

  /** Throws DeadLetterToleranceException when too many documents were rejected. */
  void checkTolerance() {
    long dead = counters.deadLetteredTotal();
    if (dead > 0) {
      tolerance.check(dead, dead + counters.indexedTotal(), counters.deadLetteredByReason());
    }
  }

  /** Makes the records accepted so far durable (readable in the store). */
  void flush() {
    try {
      store.flush();
    } catch (IOException e) {
      throw writeFailed(e);
    }
  }

  String location() {
    return store.location();
  }

  void close() {
    try {
      store.close();
    } catch (IOException e) {
      throw writeFailed(e);
    }
  }

  private SluiceException writeFailed(IOException e) {
    return new SluiceException(
        "Could not write dead letters under "
            + path
            + " ("
            + ConfigKeys.DEADLETTER_PATH.name()
            + "): "
            + e,
        e);
  }
}
