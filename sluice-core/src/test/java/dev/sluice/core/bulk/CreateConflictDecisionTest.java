package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.bulk.ItemOutcome.AlreadyDelivered;
import dev.sluice.core.bulk.ItemOutcome.DeadLetter;
import dev.sluice.core.bulk.ItemOutcome.Merged;
import dev.sluice.core.bulk.ItemOutcome.Retry;
import dev.sluice.core.id.IdStrategy;
import dev.sluice.core.retry.Backoff;
import dev.sluice.core.retry.Classification;
import dev.sluice.core.retry.FailureClass;
import dev.sluice.core.retry.RetryPolicy;
import dev.sluice.core.transport.HttpResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code create} that finds its id taken (409), as into a data stream, whose 409 item names the
 * backing index ({@code .ds-<name>-…}), not the name sent: a table of (which ids, replay?, an
 * earlier send may have applied it?) → what it counts as.
 */
class CreateConflictDecisionTest {
  private static final Instant SENT = Instant.parse("2026-01-01T00:00:00Z");
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          3, Duration.ofMinutes(1), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));

  static final byte[] BODY = utf8("{\"a\":1}");

  /** The load's id strategy and the id a document carries. */
  enum Ids {
    /** The content hash, and the document's id is its body's hash. */
    HASH(IdStrategy.contentHash(), IdStrategy.contentHash().idOf(List.of(), BODY)),
    /** A key column's value. */
    KEY(IdStrategy.field("id"), "k1"),
    /** The content hash, but the document came with an id of its own (sluice replay's). */
    GIVEN(IdStrategy.contentHash(), "k1");

    private final IdStrategy strategy;
    private final String id;

    Ids(IdStrategy strategy, String id) {
      this.strategy = strategy;
      this.id = id;
    }

    IdStrategy strategy() {
      return strategy;
    }

    String id() {
      return id;
    }
  }

  @ParameterizedTest(name = "ids {0}, replay {1}, possibly applied {2} -> {3}")
  @CsvSource({
    // an identical document was there before this load: one document, as for index
    "HASH,  false, false, merged",
    "HASH,  true,  false, already_delivered", // a retried task or resumed load wrote it itself
    "HASH,  false, true,  already_delivered", // re-sent after an ambiguous failure
    "KEY,   true,  false, already_delivered",
    "KEY,   false, false, dead_letter", // a key column's id taken by another document
    // a replayed dead letter's own id under the content-hash strategy: another document has it
    "GIVEN, false, false, dead_letter",
    "GIVEN, true,  false, already_delivered",
  })
  void decides(Ids ids, boolean replay, boolean possiblyApplied, String expected) {
    PendingDocument doc =
        new DocumentEncoder("logs-app", OpType.CREATE)
            .encode(0, new Document(null, ids.id(), null, OpType.CREATE, BODY, "r"));
    Retries retries = new Retries();
    retries.sent(single(doc), SENT);
    if (possiblyApplied) {
      Classification cut = new Classification(FailureClass.TRANSIENT, "connection reset", true);
      retries.schedule(doc, new Retry(Duration.ZERO, cut), SENT);
      retries.releaseDue(SENT, d -> {});
      retries.sent(single(doc), SENT);
    }
    HttpResult response =
        HttpResult.response(
            200,
            utf8(
                "{\"errors\":true,\"items\":[{\"create\":{\"_index\":"
                    + "\".ds-logs-app-2026.11.30-000001\",\"_id\":\"h\",\"status\":409,"
                    + "\"error\":{\"type\":\"version_conflict_engine_exception\","
                    + "\"reason\":\"[h]: version conflict, document already exists\"}}}]}"));

    ItemOutcome outcome =
        new ResponseDecision(POLICY, "http://node:9200", replay, ids.strategy())
            .decide(response, single(doc), SENT, 0.5)
            .outcomes()
            .get(0);

    String shown =
        outcome instanceof Merged
            ? "merged"
            : outcome instanceof AlreadyDelivered
                ? "already_delivered"
                : outcome instanceof DeadLetter ? "dead_letter" : "" + outcome;
    assertThat(shown).isEqualTo(expected);
  }

  private static Batch single(PendingDocument doc) {
    return new Batch(0, List.of(doc), List.of(), doc.bytes, 0);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
