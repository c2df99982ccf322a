package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.bulk.ItemOutcome.AlreadyDelivered;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.bulk.ItemOutcome.Indexed;
import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.retry.Backoff;
import dev.sluice.core.retry.Classification;
import dev.sluice.core.retry.FailureClass;
import dev.sluice.core.retry.RetryPolicy;
import dev.sluice.core.transport.HttpResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The response decision as a table: a response, a batch in some retry state, a replay flag → what
 * happens to each document, and the flow signals. The decision changes nothing it is given.
 */
class ResponseDecisionTest {
  private static final Instant SENT = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = SENT.plusMillis(30);

  /** 3 sends for transient faults, 1 min per document, retry n waits up to 100 ms * 2^(n-1). */
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          3, Duration.ofMinutes(1), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));

  /** One document of the batch: its op, and what happened to it before this response. */
  enum Doc {
    INDEX(OpType.INDEX),
    CREATE(OpType.CREATE),
    UPDATE(OpType.UPDATE),
    DELETE(OpType.DELETE),
    /** A create whose earlier send failed in a way that may have applied it. */
    CREATE_RESENT_AFTER_A_CUT(OpType.CREATE),
    /** A create whose earlier send was throttled: certainly not applied. */
    CREATE_RESENT_AFTER_A_429(OpType.CREATE),
    /** Failed twice transiently already: the next transient fault is its third. */
    INDEX_FAILED_TWICE(OpType.INDEX),
    /** First sent two minutes ago, past the retry budget. */
    INDEX_SENT_LONG_AGO(OpType.INDEX),
    /** An index sent with an external version (es.mapping.version). */
    INDEX_WITH_VERSION(OpType.INDEX);

    final OpType op;

    Doc(OpType op) {
      this.op = op;
    }
  }

  record Case(String name, HttpResult response, List<Doc> batch, boolean replay, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "a version conflict on an externally versioned document is superseded, not dead",
            ok(
                error(409, "version_conflict_engine_exception"),
                error(409, "version_conflict_engine_exception")),
            List.of(Doc.INDEX_WITH_VERSION, Doc.INDEX),
            false,
            "indexed:superseded, dead:409:version_conflict_engine_exception"),
        new Case(
            "any other error on an externally versioned document is what it always is",
            ok(error(400, "mapper_parsing_exception")),
            List.of(Doc.INDEX_WITH_VERSION),
            false,
            "dead:400:mapper_parsing_exception"),
        new Case(
            "every item created",
            ok(created(), created()),
            List.of(Doc.INDEX, Doc.INDEX),
            false,
            "indexed:created, indexed:created"),
        new Case(
            "a delete of a missing document is done",
            ok("{\"delete\":{\"status\":404,\"result\":\"not_found\"}}"),
            List.of(Doc.DELETE),
            false,
            "indexed:not_found"),
        new Case(
            "a throttled item is retried, the others indexed; two items count as 16 (1/16 waits 1/8)",
            ok(created(), error(429, "es_rejected_execution_exception")),
            List.of(Doc.INDEX, Doc.INDEX),
            false,
            "indexed:created, retry:THROTTLED@6ms | throttled=0.5"),
        new Case(
            "a mapping error is dead-lettered",
            ok(error(400, "mapper_parsing_exception")),
            List.of(Doc.INDEX),
            false,
            "dead:400:mapper_parsing_exception"),
        new Case(
            "a transient item fault is retried and counts as an attempt",
            ok(error(503, "unavailable_shards_exception")),
            List.of(Doc.INDEX),
            false,
            "retry:TRANSIENT@50ms"),
        new Case(
            "a transient item fault past the attempts is dead-lettered",
            ok(error(503, "unavailable_shards_exception")),
            List.of(Doc.INDEX_FAILED_TWICE),
            false,
            "dead:503:unavailable_shards_exception"),
        new Case(
            "a conflict on a first create is a rejected document",
            ok(error(409, "version_conflict_engine_exception")),
            List.of(Doc.CREATE),
            false,
            "dead:409:version_conflict_engine_exception"),
        new Case(
            "a conflict on a replayed create is already delivered",
            ok(error(409, "version_conflict_engine_exception"), created()),
            List.of(Doc.CREATE, Doc.CREATE),
            true,
            "delivered, indexed:created"),
        new Case(
            "a conflict on a create resent after a cut is already delivered",
            ok(error(409, "version_conflict_engine_exception")),
            List.of(Doc.CREATE_RESENT_AFTER_A_CUT),
            false,
            "delivered"),
        new Case(
            "a conflict on a create resent after a 429 is a rejected document",
            ok(error(409, "version_conflict_engine_exception")),
            List.of(Doc.CREATE_RESENT_AFTER_A_429),
            false,
            "dead:409:version_conflict_engine_exception"),
        new Case(
            "a conflict on a replayed index is a rejected document",
            ok(error(409, "version_conflict_engine_exception")),
            List.of(Doc.INDEX),
            true,
            "dead:409:version_conflict_engine_exception"),
        new Case(
            "a conflict on an update is retried",
            ok(error(409, "version_conflict_engine_exception")),
            List.of(Doc.UPDATE),
            false,
            "retry:TRANSIENT@50ms"),
        new Case(
            "a forbidden item stops the load",
            ok(created(), error(403, "security_exception")),
            List.of(Doc.INDEX, Doc.INDEX),
            false,
            "stop:ClusterFatalException"),
        new Case(
            "a whole-request 429 retries every document",
            status(429, "es_rejected_execution_exception"),
            List.of(Doc.INDEX, Doc.INDEX),
            false,
            "retry:THROTTLED@50ms, retry:THROTTLED@50ms"
                + " | request=es_rejected_execution_exception throttled=1.0"),
        new Case(
            "a 502 from a gateway may have been applied",
            status(502, null),
            List.of(Doc.INDEX),
            false,
            "retry:TRANSIENT+applied@50ms | request=http_502"),
        new Case(
            "a 503 was not applied",
            status(503, "unavailable_shards_exception"),
            List.of(Doc.INDEX),
            false,
            "retry:TRANSIENT@50ms | request=unavailable_shards_exception"),
        new Case(
            "a refused connection sent nothing",
            HttpResult.failure(new ConnectException("refused")),
            List.of(Doc.INDEX),
            false,
            "retry:TRANSIENT@50ms | request=connection_refused"),
        new Case(
            "a timeout may have been applied",
            HttpResult.failure(new SocketTimeoutException("30s")),
            List.of(Doc.INDEX),
            false,
            "retry:TRANSIENT+applied@50ms | request=timeout"),
        new Case(
            "a cut connection may have been applied",
            HttpResult.failure(new IOException("Connection reset")),
            List.of(Doc.CREATE),
            false,
            "retry:TRANSIENT+applied@50ms | request=connection_reset"),
        new Case(
            "whole requests failing past the budget stop the load",
            status(503, "unavailable_shards_exception"),
            List.of(Doc.INDEX, Doc.INDEX_SENT_LONG_AGO),
            false,
            "stop:RetryBudgetExhaustedException"),
        new Case(
            "bad credentials stop the load",
            status(401, "security_exception"),
            List.of(Doc.INDEX),
            false,
            "stop:ClusterFatalException"),
        new Case(
            "a request too large together is sent one by one",
            status(413, null),
            List.of(Doc.INDEX, Doc.INDEX),
            false,
            "retry:SEND_ALONE@0ms, retry:SEND_ALONE@0ms | request=http_413"),
        new Case(
            "a document too large alone is dead-lettered",
            status(413, null),
            List.of(Doc.INDEX),
            false,
            "dead:413:http_413 | request=http_413"),
        new Case(
            "an item without a status makes the response malformed",
            ok(created(), "{\"index\":{\"result\":\"created\"}}"),
            List.of(Doc.INDEX, Doc.INDEX),
            false,
            "retry:TRANSIENT+applied@50ms, retry:TRANSIENT+applied@50ms"
                + " | request=malformed_bulk_response"),
        new Case(
            "an item with an unknown result makes the response malformed",
            ok("{\"index\":{\"status\":200,\"result\":\"stored\"}}"),
            List.of(Doc.INDEX),
            false,
            "retry:TRANSIENT+applied@50ms | request=malformed_bulk_response"),
        new Case(
            "fewer items than documents make the response malformed",
            ok(created()),
            List.of(Doc.INDEX, Doc.INDEX),
            false,
            "retry:TRANSIENT+applied@50ms, retry:TRANSIENT+applied@50ms"
                + " | request=malformed_bulk_response"),
        new Case(
            "a body cut short is malformed",
            HttpResult.response(200, utf8("{\"errors\":false,\"items\":[{\"index\":{\"sta")),
            List.of(Doc.CREATE),
            false,
            "retry:TRANSIENT+applied@50ms | request=malformed_bulk_response"));
  }

  /**
   * The drain at the end of a load: a throttled item waits in proportion to its response's
   * throttled share, so a cluster that took 99% of a request does not hold the last documents of a
   * load for a whole first backoff (up to 100 ms here, 500 ms by default; round after round of
   * re-throttling at 1%, the load's last second). Half or more throttled keeps the full backoff.
   */
  @Test
  void aThrottledItemWaitsInProportionToItsResponsesThrottledShare() {
    assertThat(firstThrottledDelay(1, 100)).isEqualTo(Duration.ofMillis(1)); // 100 ms x 1/50 x 0.5
    assertThat(firstThrottledDelay(10, 100)).isEqualTo(Duration.ofMillis(10));
    assertThat(firstThrottledDelay(40, 100)).isEqualTo(Duration.ofMillis(40));
    assertThat(firstThrottledDelay(50, 100)).isEqualTo(Duration.ofMillis(50));
    assertThat(firstThrottledDelay(100, 100)).isEqualTo(Duration.ofMillis(50));
  }

  private static Duration firstThrottledDelay(int throttled, int items) {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      answers.add(i < throttled ? error(429, "es_rejected_execution_exception") : created());
    }
    Batch batch = batch(Collections.nCopies(items, Doc.INDEX));
    BatchVerdict verdict =
        new ResponseDecision(POLICY, "http://node:9200", false)
            .decide(ok(answers.toArray(String[]::new)), batch, NOW, 0.5);
    return ((Retry) verdict.outcomes().get(0)).after();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    Batch batch = batch(c.batch());
    List<String> before = batch.documents().stream().map(ResponseDecisionTest::state).toList();
    ResponseDecision decision = new ResponseDecision(POLICY, "http://node:9200", c.replay());

    BatchVerdict verdict = decision.decide(c.response(), batch, NOW, 0.5);

    assertThat(render(verdict)).isEqualTo(c.expected());
    assertThat(batch.documents().stream().map(ResponseDecisionTest::state).toList())
        .as("the decision changes no document")
        .isEqualTo(before);
  }

  private static Batch batch(List<Doc> docs) {
    DocumentEncoder encoder = new DocumentEncoder("idx", OpType.INDEX);
    Retries retries = new Retries();
    List<PendingDocument> pending = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Doc doc = docs.get(i);
      PendingDocument p =
          encoder.encode(
              i,
              new Document(
                  null,
                  "id" + i,
                  null,
                  doc.op,
                  doc.op == OpType.DELETE ? null : utf8("{}"),
                  "r",
                  doc == Doc.INDEX_WITH_VERSION ? 7L : null,
                  null));
      Instant first = doc == Doc.INDEX_SENT_LONG_AGO ? NOW.minus(Duration.ofMinutes(2)) : SENT;
      retries.sent(single(p), first);
      switch (doc) {
        case CREATE_RESENT_AFTER_A_CUT -> failOnce(retries, p, FailureClass.TRANSIENT, true);
        case CREATE_RESENT_AFTER_A_429 -> failOnce(retries, p, FailureClass.THROTTLED, false);
        case INDEX_FAILED_TWICE -> {
          failOnce(retries, p, FailureClass.TRANSIENT, false);
          failOnce(retries, p, FailureClass.TRANSIENT, false);
        }
        default -> {}
      }
      pending.add(p);
    }
    return new Batch(1, pending, List.of(), 0, 0);
  }

  private static void failOnce(
      Retries retries, PendingDocument doc, FailureClass failureClass, boolean applied) {
    retries.schedule(
        doc, new Retry(Duration.ZERO, new Classification(failureClass, "earlier", applied)), SENT);
    retries.releaseDue(SENT, d -> {});
    retries.sent(single(doc), SENT);
  }

  private static Batch single(PendingDocument doc) {
    return new Batch(0, List.of(doc), List.of(), doc.bytes, 0);
  }

  private static String state(PendingDocument d) {
    return d.sends
        + "/"
        + d.transientFailures
        + "/"
        + d.possiblyApplied
        + "/"
        + d.sendAlone
        + "/"
        + d.firstAttempt
        + "/"
        + d.lastAttempt;
  }

  private static String render(BatchVerdict verdict) {
    if (verdict.stop() != null) {
      return "stop:" + verdict.stop().getClass().getSimpleName();
    }
    String outcomes =
        verdict.outcomes().stream()
            .map(ResponseDecisionTest::render)
            .collect(Collectors.joining(", "));
    List<String> signals = new ArrayList<>();
    if (verdict.requestFailure() != null) {
      signals.add("request=" + verdict.requestFailure());
    }
    if (verdict.throttled()) {
      signals.add("throttled=" + verdict.throttledShare());
    }
    return signals.isEmpty() ? outcomes : outcomes + " | " + String.join(" ", signals);
  }

  private static String render(ItemOutcome outcome) {
    if (outcome instanceof Indexed i) {
      return "indexed:" + i.result();
    } else if (outcome instanceof AlreadyDelivered) {
      return "delivered";
    } else if (outcome instanceof Retry r) {
      return "retry:"
          + r.cause().failureClass()
          + (r.possiblyApplied() ? "+applied" : "")
          + "@"
          + r.after().toMillis()
          + "ms";
    }
    DeadLetter d = (DeadLetter) outcome;
    return "dead:" + d.status() + ":" + d.errorType();
  }

  private static HttpResult ok(String... items) {
    return HttpResult.response(
        200, utf8("{\"errors\":true,\"items\":[" + String.join(",", items) + "]}"));
  }

  private static HttpResult status(int status, String type) {
    String error =
        type == null ? "\"bad gateway\"" : "{\"type\":\"" + type + "\",\"reason\":\"r\"}";
    return HttpResult.response(status, utf8("{\"error\":" + error + ",\"status\":" + status + "}"));
  }

  private static String created() {
    return "{\"index\":{\"status\":201,\"result\":\"created\"}}";
  }

  private static String error(int status, String type) {
    return "{\"index\":{\"status\":"
        + status
        + ",\"error\":{\"type\":\""
        + type
        + "\",\"reason\":\"r\"}}}";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
