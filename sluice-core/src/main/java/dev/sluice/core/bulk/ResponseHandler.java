package dev.sluice.core.bulk;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.OpType;
import dev.sluice.core.RetryBudgetExhaustedException;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.bulk.ItemOutcome.Indexed;
import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.report.Counters;
import dev.sluice.core.retry.Classification;
import dev.sluice.core.retry.FailureClass;
import dev.sluice.core.retry.FailureClassifier;
import dev.sluice.core.retry.FailureSignal;
import dev.sluice.core.retry.RetryPolicy;
import dev.sluice.core.transport.HttpResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Turns a bulk answer into one outcome per document, through the classifier and the retry policy.
 * Job-level failures (FATAL, or whole requests failing past the budget) are thrown.
 */
final class ResponseHandler {
  /** Shared outcomes for the known results: one per document would be garbage by the million. */
  private static final Map<String, Indexed> INDEXED =
      ItemResult.KNOWN_RESULTS.stream().collect(Collectors.toMap(r -> r, Indexed::new));

  private static final Indexed ALREADY_DELIVERED = new Indexed(Counters.ALREADY_DELIVERED);

  private final RetryPolicy policy;
  private final DoubleSupplier random;
  private final String target;
  private final boolean replay;

  /**
   * @param replay an earlier attempt of the load may have delivered any of its documents
   */
  ResponseHandler(RetryPolicy policy, DoubleSupplier random, String target, boolean replay) {
    this.policy = policy;
    this.random = random;
    this.target = target;
    this.replay = replay;
  }

  BatchVerdict handle(Batch batch, HttpResult result, Instant now) {
    if (result.error() != null) {
      return requestFailed(
          batch,
          FailureClassifier.classify(FailureSignal.transport(result.error())),
          0,
          result.error().toString(),
          now);
    }
    if (result.status() / 100 != 2) {
      ErrorBody error = ErrorBody.parse(result.body());
      Classification c =
          FailureClassifier.classify(
              FailureSignal.response(result.status(), error.type(), error.reason()));
      return requestFailed(batch, c, result.status(), error.reason(), now);
    }
    List<ItemResult> items;
    try {
      items = BulkResponseParser.parse(result.body(), batch.size());
    } catch (IOException e) {
      items = List.of();
    }
    if (items.size() != batch.size()) {
      // A cut or garbled body: the cluster may have applied some items, so retry them all.
      Classification c =
          new Classification(FailureClass.TRANSIENT, "malformed_bulk_response", true);
      return requestFailed(
          batch,
          c,
          result.status(),
          "expected " + batch.size() + " items, got " + items.size(),
          now);
    }
    return itemsAnswered(batch, items, now);
  }

  private BatchVerdict itemsAnswered(Batch batch, List<ItemResult> items, Instant now) {
    List<ItemOutcome> outcomes = new ArrayList<>(items.size());
    boolean throttled = false;
    double unitRandom = random.getAsDouble();
    for (int i = 0; i < items.size(); i++) {
      ItemResult item = items.get(i);
      PendingDocument doc = batch.documents().get(i);
      if (!item.failed()) {
        outcomes.add(indexed(item.result()));
        continue;
      }
      if (deliveredBefore(doc, item)) {
        outcomes.add(ALREADY_DELIVERED);
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
                  doc.op));
      throttled |= c.failureClass() == FailureClass.THROTTLED;
      outcomes.add(itemFailed(doc, item, c, now, unitRandom));
    }
    return new BatchVerdict(outcomes, null, throttled);
  }

  /**
   * A {@code create} refused because the id exists, when this load may have written that document
   * itself: resent after an ambiguous failure, or replayed after a crash or a retried task. The
   * classifier's rule (409 on create is a rejected document) is for documents someone else wrote.
   */
  private boolean deliveredBefore(PendingDocument doc, ItemResult item) {
    return item.status() == 409
        && doc.op == OpType.CREATE
        && "version_conflict_engine_exception".equals(item.errorType())
        && (replay || doc.possiblyApplied);
  }

  private static Indexed indexed(String result) {
    Indexed known = result == null ? null : INDEXED.get(result);
    return known != null ? known : new Indexed(result);
  }

  private ItemOutcome itemFailed(
      PendingDocument doc, ItemResult item, Classification c, Instant now, double unitRandom) {
    switch (c.failureClass()) {
      case FATAL ->
          throw new ClusterFatalException(
              "Elasticsearch at "
                  + target
                  + " refused writing to index ["
                  + doc.index
                  + "]: "
                  + c.reason()
                  + " ("
                  + item.errorReason()
                  + "). This is not retried; fix the index or the permissions and rerun.");
      case DOCUMENT_REJECTED -> {
        return new DeadLetter(item.status(), c.reason(), item.errorReason());
      }
      default -> {
        RetryPolicy.Decision d = decide(doc, c.failureClass(), now, unitRandom);
        if (!d.retry()) {
          return new DeadLetter(
              item.status(),
              c.reason(),
              "gave up: " + d.exhausted() + "; last error: " + item.errorReason());
        }
        return new Retry(d.delay(), c.reason(), c.failureClass() == FailureClass.THROTTLED, false);
      }
    }
  }

  private BatchVerdict requestFailed(
      Batch batch, Classification c, int status, String detail, Instant now) {
    List<ItemOutcome> outcomes = new ArrayList<>(batch.size());
    switch (c.failureClass()) {
      case FATAL ->
          throw new ClusterFatalException(
              fatalMessage(status, c, detail, batch.documents().get(0).index));
      case DOCUMENT_REJECTED -> {
        // 413 for the whole body: alone, the document is too big; together, send one by one.
        for (PendingDocument doc : batch.documents()) {
          if (batch.size() == 1) {
            outcomes.add(new DeadLetter(status, c.reason(), detail));
          } else {
            doc.sendAlone = true;
            outcomes.add(new Retry(java.time.Duration.ZERO, c.reason(), false, false));
          }
        }
      }
      default -> {
        double unitRandom = random.getAsDouble(); // one draw: the batch retries together
        for (PendingDocument doc : batch.documents()) {
          RetryPolicy.Decision d = decide(doc, c.failureClass(), now, unitRandom);
          if (!d.retry()) {
            throw new RetryBudgetExhaustedException(
                "Bulk requests to "
                    + target
                    + " kept failing ("
                    + c.reason()
                    + (detail == null ? "" : ": " + detail)
                    + "); "
                    + d.exhausted()
                    + ". Check that the cluster is up and reachable, or raise"
                    + " es.batch.write.retry.count / sluice.retry.budget.");
          }
          outcomes.add(
              new Retry(
                  d.delay(),
                  c.reason(),
                  c.failureClass() == FailureClass.THROTTLED,
                  c.possiblyApplied()));
        }
      }
    }
    return new BatchVerdict(outcomes, c.reason(), c.failureClass() == FailureClass.THROTTLED);
  }

  private RetryPolicy.Decision decide(
      PendingDocument doc, FailureClass fc, Instant now, double unitRandom) {
    if (fc == FailureClass.TRANSIENT) {
      doc.transientFailures++;
    }
    return policy.decide(
        fc, doc.transientFailures, doc.sends - 1, doc.firstAttempt, now, unitRandom);
  }

  private String fatalMessage(int status, Classification c, String detail, String index) {
    String what =
        switch (status) {
          case 401 ->
              "Elasticsearch at "
                  + target
                  + " rejected the credentials (401) while writing to index ["
                  + index
                  + "]. Check es.net.http.auth.user/pass, sluice.auth.api.key or sluice.auth.bearer.";
          case 403 ->
              "Elasticsearch at "
                  + target
                  + " refused writing to index ["
                  + index
                  + "] (403). Grant that principal the write/index privileges on the index.";
          case 404 ->
              "The target index does not exist and cannot be created (404). Create it or enable es.index.auto.create / action.auto_create_index.";
          default ->
              "Elasticsearch at "
                  + target
                  + " refused the bulk request ("
                  + (status == 0 ? "no response" : "HTTP " + status)
                  + ").";
        };
    return what + " Cause: " + c.reason() + (detail == null ? "" : " - " + detail);
  }
}
