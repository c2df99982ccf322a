package dev.sluice.core.bulk;

import static dev.sluice.core.bulk.CreateConflictDecisionTest.Ids.GIVEN;
import static dev.sluice.core.bulk.CreateConflictDecisionTest.Ids.HASH;
import static dev.sluice.core.bulk.CreateConflictDecisionTest.Ids.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.bulk.ItemOutcome.Indexed;
import dev.sluice.core.bulk.ItemOutcome.Merged;
import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.retry.Backoff;
import dev.sluice.core.retry.Classification;
import dev.sluice.core.retry.FailureClass;
import dev.sluice.core.retry.RetryPolicy;
import dev.sluice.core.transport.HttpResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When a success is an identical row merged into an existing document: a table of (which ids,
 * operation, result, replay?, an earlier send may have applied it?) → merged or indexed.
 */
class MergedDecisionTest {
  private static final Instant SENT = Instant.parse("2026-01-01T00:00:00Z");
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          3, Duration.ofMinutes(1), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));

  record Case(
      String name,
      CreateConflictDecisionTest.Ids ids,
      OpType op,
      String result,
      boolean replay,
      boolean possiblyApplied,
      String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "a new hash id is created", HASH, OpType.INDEX, "created", false, false, "created"),
        new Case(
            "a hash id found taken: merged", HASH, OpType.INDEX, "updated", false, false, "merged"),
        new Case("a noop on a hash id: merged", HASH, OpType.INDEX, "noop", false, false, "merged"),
        new Case(
            "a replayed load may have written it itself",
            HASH,
            OpType.INDEX,
            "updated",
            true,
            false,
            "updated"),
        new Case(
            "a re-send after an ambiguous failure may have written it itself",
            HASH,
            OpType.INDEX,
            "updated",
            false,
            true,
            "updated"),
        new Case(
            "a key column's id found taken is an update, not a merge",
            KEY,
            OpType.INDEX,
            "updated",
            false,
            false,
            "updated"),
        new Case(
            "an update operation is never a merge",
            HASH,
            OpType.UPDATE,
            "updated",
            false,
            false,
            "updated"),
        new Case(
            "a replayed record's own id found taken is an update, whatever the strategy",
            GIVEN,
            OpType.UPDATE,
            "updated",
            false,
            false,
            "updated"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    PendingDocument doc =
        new DocumentEncoder("idx", c.op())
            .encode(
                0,
                new Document(
                    null, c.ids().id(), null, c.op(), CreateConflictDecisionTest.BODY, "r"));
    Retries retries = new Retries();
    retries.sent(single(doc), SENT);
    if (c.possiblyApplied()) {
      Classification cut = new Classification(FailureClass.TRANSIENT, "connection reset", true);
      retries.schedule(doc, new Retry(Duration.ZERO, cut), SENT);
      retries.releaseDue(SENT, d -> {});
      retries.sent(single(doc), SENT);
    }
    ResponseDecision decision =
        new ResponseDecision(POLICY, "http://node:9200", c.replay(), c.ids().strategy());
    HttpResult response =
        HttpResult.response(
            200,
            utf8(
                "{\"errors\":false,\"items\":[{\""
                    + c.op().name().toLowerCase(java.util.Locale.ROOT)
                    + "\":{\"status\":200,\"result\":\""
                    + c.result()
                    + "\"}}]}"));

    ItemOutcome outcome = decision.decide(response, single(doc), SENT, 0.5).outcomes().get(0);

    String shown =
        outcome instanceof Merged
            ? "merged"
            : outcome instanceof Indexed i ? i.result() : "" + outcome;
    assertThat(shown).isEqualTo(c.expected());
  }

  private static Batch single(PendingDocument doc) {
    return new Batch(0, List.of(doc), List.of(), doc.bytes, 0);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
