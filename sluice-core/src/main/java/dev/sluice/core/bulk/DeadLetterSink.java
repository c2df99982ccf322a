package dev.sluice.core.bulk;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceException;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.config.ActionOptions;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.UpdateScript;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.deadletter.DeadLetterStore;
import dev.sluice.core.deadletter.DeadLetterTolerance;
import dev.sluice.core.report.Counters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes rejected documents to the store, counts them, and stops the load past the tolerance. */
final class DeadLetterSink {
  private final String writerId;
  private final DeadLetterStore store;
  private final DeadLetterTolerance tolerance;
  private final Counters counters;
  private final String path;
  private final ActionOptions actions;

  /**
   * @param actions what the actions carried beyond the document: its version type, script params
   *     and pipeline are kept in each record, so that a replay does what the action did
   */
  DeadLetterSink(
      String writerId,
      DeadLetterStore store,
      DeadLetterTolerance tolerance,
      Counters counters,
      String path,
      ActionOptions actions) {
    this.writerId = writerId;
    this.actions = actions;
    this.store = store;
    this.tolerance = tolerance;
    this.counters = counters;
    this.path = path;
  }

  void accept(PendingDocument doc, DeadLetter outcome) {
    Document d = doc.document;
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
            d.position(),
            writerId,
            d.source(),
            d.routing(),
            d.version(),
            d.version() == null ? null : actions.versionType(),
            scriptParams(doc),
            pipeline(doc));
    try {
      store.write(record);
    } catch (IOException e) {
      throw writeFailed(e);
    }
    counters.deadLettered(record);
  }

  /** The params a scripted update or upsert ran with ({@code {}} for none); null without script. */
  private byte[] scriptParams(PendingDocument doc) {
    UpdateScript script = actions.script();
    if (script == null || (doc.op != OpType.UPDATE && doc.op != OpType.UPSERT)) {
      return null;
    }
    if (doc.document.scriptParams() != null) {
      return doc.document.scriptParams();
    }
    return (script.paramsJson() == null ? "{}" : script.paramsJson())
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The pipeline the action named: Elasticsearch runs one on index and create only. */
  private String pipeline(PendingDocument doc) {
    return doc.op == OpType.INDEX || doc.op == OpType.CREATE ? actions.pipeline() : null;
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
