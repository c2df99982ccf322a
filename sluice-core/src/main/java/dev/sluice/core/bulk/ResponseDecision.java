package dev.sluice.core.bulk;

import dev.sluice.core.OpType;
import dev.sluice.core.bulk.ItemOutcome.AlreadyDelivered;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.bulk.ItemOutcome.Indexed;
import dev.sluice.core.bulk.ItemOutcome.Merged;
import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.id.IdStrategy;
import dev.sluice.core.report.Counters;
import dev.sluice.core.retry.Classification;
import dev.sluice.core.retry.FailureClass;
import dev.sluice.core.retry.FailureClassifier;
import dev.sluice.core.retry.FailureSignal;
import dev.sluice.core.retry.RetryPolicy;
import dev.sluice.core.retry.Scope;
import dev.sluice.core.transport.HttpResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one bulk response means for each document of its batch: a pure function of the response, the
 * batch (read, never changed), the time, one random draw and whether the load is a replay. The
 * classifier says what each failure is; the retry policy says whether and when a retryable one goes
 * again. The writer loop applies the verdict.
 */
final class ResponseDecision {
  /** Shared outcomes for the known results: one per document would be garbage by the million. */
  private static final Map<String, Indexed> INDEXED =
      ItemResult.KNOWN_RESULTS.stream().collect(Collectors.toMap(r -> r, Indexed::new));

  private static final Indexed SUPERSEDED = new Indexed(Counters.SUPERSEDED);

  private final RetryPolicy policy;
  private final FailureMessages messages;
  private final boolean replay;
  private final IdStrategy ids;

  /**
   * @param target where requests go, for messages
   * @param replay an earlier attempt of the load may have delivered any of its documents
   */
  ResponseDecision(RetryPolicy policy, String target, boolean replay) {
    this(policy, target, replay, IdStrategy.generated());
  }

  /**
   * @param ids the load's id strategy: where it gives each document the hash of its content, an
   *     {@code index} that finds its id taken, where no earlier send of this load can have written
   *     it, met an identical document ({@link Merged}); a document whose id it did not compute (a
   *     replayed record's own) met another one
   */
  ResponseDecision(RetryPolicy policy, String target, boolean replay, IdStrategy ids) {
    this.policy = policy;
    this.messages = new FailureMessages(target);
    this.replay = replay;
    this.ids = ids;
  }

  /**
   * @param unitRandom a number in [0, 1) for the backoff jitter, one per response
   */
  BatchVerdict decide(HttpResult result, Batch batch, Instant now, double unitRandom) {
    if (result.error() != null) {
      FailureSignal signal = FailureSignal.transport(result.error());
      return requestFailed(batch, signal, result.error().toString(), now, unitRandom);
    }
    if (result.status() / 100 != 2) {
      ErrorBody error = ErrorBody.parse(result.body());
      FailureSignal signal =
          FailureSignal.response(result.status(), error.type(), error.reason(), batch.size());
      return requestFailed(batch, signal, error.reason(), now, unitRandom);
    }
    List<ItemResult> items;
    String malformed;
    try {
      items = BulkResponseParser.parse(result.body(), batch.size());
      malformed = malformation(items, batch.size());
    } catch (IOException e) {
      items = List.of();
      malformed = e.getMessage();
    }
    if (malformed != null) {
      FailureSignal signal = FailureSignal.malformedResponse(result.status(), batch.size());
      return requestFailed(batch, signal, malformed, now, unitRandom);
    }
    return itemsAnswered(batch, items, now, unitRandom);
  }

  /** Why the items cannot be read as one answer per document, or null if they can. */
  private static String malformation(List<ItemResult> items, int expected) {
    if (items.size() != expected) {
      return "expected " + expected + " items, got " + items.size();
    }
    for (int i = 0; i < items.size(); i++) {
      ItemResult item = items.get(i);
      if (!item.wellFormed()) {
        return "item "
            + i
            + (item.status() == 0 ? " has no status" : " has an unknown result: " + item.result());
      }
    }
    return null;
  }

  private BatchVerdict itemsAnswered(
      Batch batch, List<ItemResult> items, Instant now, double unitRandom) {
    List<ItemOutcome> outcomes = new ArrayList<>(items.size());
    int throttled = 0;
    int failed = (int) items.stream().filter(ItemResult::failed).count();
    double failedShare = RetryPolicy.failedShare(failed, items.size());
    double waitScale = RetryPolicy.waitScale(failed, items.size());
    for (int i = 0; i < items.size(); i++) {
      ItemResult item = items.get(i);
      PendingDocument doc = batch.documents().get(i);
      if (!item.failed()) {
        outcomes.add(merged(item, doc) ? Merged.INSTANCE : indexed(item.result()));
        continue;
      }
      if (identicalCreated(item, doc)) {
        outcomes.add(Merged.INSTANCE);
        continue;
      }
      Classification c =
          FailureClassifier.classify(
              FailureSignal.item(
                  item.status(),
                  item.errorType(),
                  item.errorReason(),
                  item.causedByType(),
                  item.durability(),
                  doc.op,
                  replay || doc.possiblyApplied,
                  doc.document.version() != null));
      switch (c.failureClass()) {
        case ALREADY_DELIVERED -> outcomes.add(AlreadyDelivered.INSTANCE);
        case SUPERSEDED -> outcomes.add(SUPERSEDED);
        case FATAL -> {
          return BatchVerdict.stop(messages.itemFatal(doc.index, c, item.errorReason()));
        }
        case DOCUMENT_REJECTED ->
            outcomes.add(new DeadLetter(item.status(), c.reason(), item.errorReason()));
        case SEND_ALONE -> outcomes.add(new Retry(Duration.ZERO, c));
        case THROTTLED, TRANSIENT -> {
          throttled += c.failureClass() == FailureClass.THROTTLED ? 1 : 0;
          RetryPolicy.Decision d =
              retry(doc, c, Scope.ITEM, failedShare, waitScale, now, unitRandom);
          outcomes.add(
              d.retry()
                  ? new Retry(d.delay(), c)
                  : new DeadLetter(
                      item.status(),
                      c.reason(),
                      "gave up: " + d.exhausted() + "; last error: " + item.errorReason()));
        }
      }
    }
    return new BatchVerdict(outcomes, null, (double) throttled / items.size(), null);
  }

  /**
   * An identical document was there before this one: not after a replay or a send that may have
   * applied it, whose own earlier write would answer "updated" too.
   */
  private boolean merged(ItemResult item, PendingDocument doc) {
    return doc.op == OpType.INDEX
        && !replay
        && !doc.possiblyApplied
        && ("updated".equals(item.result()) || "noop".equals(item.result()))
        && idIsContentHash(doc);
  }

  /**
   * A {@code create} (as into a data stream) whose content-hash id is taken met an identical
   * document written before this load; after a replay or a send that may have applied it, the
   * classifier counts it as already delivered.
   */
  private boolean identicalCreated(ItemResult item, PendingDocument doc) {
    return doc.op == OpType.CREATE
        && !replay
        && !doc.possiblyApplied
        && doc.document.version() == null
        && item.status() == 409
        && "version_conflict_engine_exception".equals(item.errorType())
        && idIsContentHash(doc);
  }

  /** Last of the checks: it hashes the body again, and only ids found taken get here. */
  private boolean idIsContentHash(PendingDocument doc) {
    return ids.isContentHashOf(doc.document.id(), doc.document.source());
  }

  private static Indexed indexed(String result) {
    Indexed known = result == null ? null : INDEXED.get(result);
    return known != null ? known : new Indexed(result);
  }

  private BatchVerdict requestFailed(
      Batch batch, FailureSignal signal, String detail, Instant now, double unitRandom) {
    Classification c = FailureClassifier.classify(signal);
    List<ItemOutcome> outcomes = new ArrayList<>(batch.size());
    switch (c.failureClass()) {
      case FATAL -> {
        String index = batch.documents().get(0).index;
        return BatchVerdict.stop(messages.requestFatal(signal.status(), c, detail, index));
      }
      case DOCUMENT_REJECTED -> {
        DeadLetter dead = new DeadLetter(signal.status(), c.reason(), detail);
        batch.documents().forEach(doc -> outcomes.add(dead));
      }
      case SEND_ALONE -> {
        Retry alone = new Retry(Duration.ZERO, c);
        batch.documents().forEach(doc -> outcomes.add(alone));
      }
      case THROTTLED, TRANSIENT -> {
        for (PendingDocument doc : batch.documents()) {
          RetryPolicy.Decision d =
              retry(doc, c, Scope.REQUEST, 1, 1, now, unitRandom); // one draw: they go together
          if (!d.retry()) {
            return BatchVerdict.stop(messages.requestsKeptFailing(c, detail, d.exhausted()));
          }
          outcomes.add(new Retry(d.delay(), c));
        }
      }
      case ALREADY_DELIVERED, SUPERSEDED ->
          throw new IllegalStateException("no rule makes a whole request " + c.failureClass());
    }
    double throttled = c.failureClass() == FailureClass.THROTTLED ? 1 : 0;
    return new BatchVerdict(outcomes, c.reason(), throttled, null);
  }

  /** The policy's answer, counting this failure without recording it (the loop records it). */
  private RetryPolicy.Decision retry(
      PendingDocument doc,
      Classification c,
      Scope scope,
      double failedShare,
      double waitScale,
      Instant now,
      double unitRandom) {
    int transientFailures =
        doc.transientFailures + (c.failureClass() == FailureClass.TRANSIENT ? 1 : 0);
    return policy.decide(
        c.failureClass(),
        scope,
        failedShare,
        waitScale,
        transientFailures,
        doc.sends - 1,
        doc.firstAttempt,
        now,
        unitRandom);
  }
}
