package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceException;
import dev.sluice.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class BulkUnitsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final DocumentEncoder encoder = new DocumentEncoder("idx", OpType.INDEX);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String body(PendingDocument d) {
    return SentBody.of(d);
  }

  @Test
  void encodesEachOpAsNdjsonLines() {
    assertThat(body(encoder.encode(0, Document.of("a\"1", utf8("{\"x\":1}"), "p"))))
        .isEqualTo("{\"index\":{\"_index\":\"idx\",\"_id\":\"a\\\"1\"}}\n{\"x\":1}\n");
    assertThat(
            body(encoder.encode(0, new Document("i2", "1", "r", OpType.UPSERT, utf8("{}"), "p"))))
        .isEqualTo(
            "{\"update\":{\"_index\":\"i2\",\"_id\":\"1\",\"routing\":\"r\"}}\n"
                + "{\"doc\":{},\"doc_as_upsert\":true}\n");
    assertThat(body(encoder.encode(0, new Document(null, "1", null, OpType.DELETE, null, "p"))))
        .isEqualTo("{\"delete\":{\"_index\":\"idx\",\"_id\":\"1\"}}\n");
    assertThat(body(encoder.encode(0, Document.of(null, utf8("{}"), "p"))))
        .isEqualTo("{\"index\":{\"_index\":\"idx\"}}\n{}\n");
  }

  @Test
  void serialisedSourceIsReusedAndPrettyPrintedSourceFlattened() {
    byte[] compact = utf8("{\"x\":1}");
    assertThat(encoder.encode(0, Document.of("1", compact, "p")).chunks[1]).isSameAs(compact);
    assertThat(body(encoder.encode(0, Document.of("1", utf8("{\n  \"x\": 1\r\n}"), "p"))))
        .endsWith("{   \"x\": 1  }\n");
  }

  @Test
  void idsNeedingNoEscapeAndIdsNeedingOneEncodeTheSame() {
    for (String id :
        List.of("d-12", "a b~", "\u00e9t\u00e9", "tab\there", "back\\slash", "\u007f")) {
      String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(id));
      assertThat(body(encoder.encode(0, Document.of(id, utf8("{}"), "p"))))
          .isEqualTo("{\"index\":{\"_index\":\"idx\",\"_id\":\"" + quoted + "\"}}\n{}\n");
    }
    assertThat(
            body(
                encoder.encode(
                    0, new Document("other", "1", null, OpType.CREATE, utf8("{}"), "p"))))
        .isEqualTo("{\"create\":{\"_index\":\"other\",\"_id\":\"1\"}}\n{}\n");
    assertThat(body(encoder.encode(0, Document.of("2", utf8("{}"), "p"))))
        .startsWith("{\"index\":{\"_index\":\"idx\",");
  }

  @Test
  void rejectsDocumentsThatCannotBeWritten() {
    assertThatThrownBy(
            () ->
                encoder.encode(
                    0, new Document(null, null, null, OpType.UPDATE, utf8("{}"), "row 7")))
        .hasMessageContaining("es.mapping.id")
        .hasMessageContaining("row 7");
    assertThatThrownBy(
            () ->
                new DocumentEncoder(null, OpType.INDEX)
                    .encode(0, Document.of("1", utf8("{}"), "p")))
        .hasMessageContaining("es.resource");
  }

  @Test
  void parsesItemsInOrderWithTheirErrors() throws Exception {
    String response =
        "{\"took\":1,\"errors\":true,\"items\":["
            + "{\"index\":{\"_id\":\"1\",\"status\":201,\"result\":\"created\",\"_shards\":{\"total\":2}}},"
            + "{\"create\":{\"_id\":\"2\",\"status\":429,\"error\":{\"type\":\"circuit_breaking_exception\","
            + "\"reason\":\"too big\",\"durability\":\"TRANSIENT\",\"bytes_wanted\":1}}},"
            + "{\"update\":{\"_id\":\"3\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\","
            + "\"reason\":\"bad\",\"caused_by\":{\"type\":\"number_format_exception\",\"reason\":\"x\"}}}},"
            + "{\"delete\":{\"_id\":\"4\",\"status\":404,\"result\":\"not_found\"}}]}";
    List<ItemResult> items = BulkResponseParser.parse(utf8(response), 4);
    assertThat(items)
        .containsExactly(
            new ItemResult(201, "created", null, null, null, null),
            new ItemResult(429, null, "circuit_breaking_exception", "too big", null, "TRANSIENT"),
            new ItemResult(
                400, null, "mapper_parsing_exception", "bad", "number_format_exception", null),
            new ItemResult(404, "not_found", null, null, null, null));
    assertThat(items.stream().map(ItemResult::failed)).containsExactly(false, true, true, false);
  }

  @Test
  void plainSuccessesShareTheirResultAndOutcome() throws Exception {
    String response =
        "{\"errors\":false,\"items\":[{\"index\":{\"status\":201,\"result\":\"created\"}},"
            + "{\"index\":{\"status\":201,\"result\":\"created\"}},"
            + "{\"index\":{\"status\":200,\"result\":\"updated\"}},"
            + "{\"index\":{\"status\":200,\"result\":\"something_new\"}}]}";
    List<ItemResult> items = BulkResponseParser.parse(utf8(response), 4);
    assertThat(items.get(0)).isSameAs(items.get(1));
    assertThat(items.get(2)).isEqualTo(new ItemResult(200, "updated", null, null, null, null));
    assertThat(items.get(3))
        .isEqualTo(new ItemResult(200, "something_new", null, null, null, null));
  }

  @Test
  void aTruncatedResponseIsAnError() {
    assertThatThrownBy(
            () ->
                BulkResponseParser.parse(utf8("{\"errors\":false,\"items\":[{\"index\":{\"st"), 1))
        .isInstanceOf(Exception.class);
  }

  @Test
  void sameIdDocumentsWaitForTheEarlierOneInOrder() {
    SameIdGate gate = new SameIdGate();
    PendingDocument v1 = encoder.encode(1, Document.of("a", utf8("{}"), "1"));
    PendingDocument v2 = encoder.encode(2, Document.of("a", utf8("{}"), "2"));
    PendingDocument v3 = encoder.encode(3, Document.of("a", utf8("{}"), "3"));
    PendingDocument other = encoder.encode(4, Document.of("b", utf8("{}"), "4"));
    PendingDocument generated = encoder.encode(5, Document.of(null, utf8("{}"), "5"));
    assertThat(gate.admit(v1)).isTrue();
    assertThat(gate.admit(v2)).isFalse();
    assertThat(gate.admit(v3)).isFalse();
    assertThat(gate.admit(other)).isTrue();
    assertThat(gate.admit(generated)).isTrue();
    assertThat(gate.parked()).isEqualTo(2);
    assertThat(gate.release(v1)).isSameAs(v2);
    assertThat(gate.release(v2)).isSameAs(v3);
    assertThat(gate.release(v3)).isNull();
    assertThat(gate.admit(encoder.encode(6, Document.of("a", utf8("{}"), "6")))).isTrue();
  }

  @Test
  void sameIdOrderHoldsWhenVersionsArriveWhileEarlierOnesResolve() {
    SameIdGate gate = new SameIdGate();
    PendingDocument[] v = new PendingDocument[6];
    for (int i = 0; i < v.length; i++) {
      v[i] = encoder.encode(i, Document.of("a", utf8("{}"), "v" + i));
    }
    PendingDocument otherIndex =
        encoder.encode(9, new Document("idx2", "a", null, null, utf8("{}"), "other"));
    assertThat(gate.admit(v[0])).isTrue();
    assertThat(gate.admit(v[1])).isFalse();
    assertThat(gate.admit(otherIndex)).isTrue(); // same id, another index: no conflict
    assertThat(gate.release(v[0])).isSameAs(v[1]);
    assertThat(gate.admit(v[2])).isFalse();
    assertThat(gate.admit(v[3])).isFalse();
    assertThat(gate.release(v[1])).isSameAs(v[2]);
    assertThat(gate.admit(v[4])).isFalse();
    assertThat(gate.parked()).isEqualTo(2);
    assertThat(gate.release(v[2])).isSameAs(v[3]);
    assertThat(gate.release(v[3])).isSameAs(v[4]);
    assertThat(gate.release(v[4])).isNull();
    assertThat(gate.parked()).isZero();
    assertThat(gate.admit(v[5])).isTrue();
    assertThat(gate.release(otherIndex)).isNull();
  }

  @Test
  void batchesAreBoundedByCountAndBytesAndABigDocumentGoesAlone() {
    BatchAssembler assembler = new BatchAssembler(3, Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      assembler.add(encoder.encode(i, Document.of("d" + i, utf8("{}"), "p")), NOW);
    }
    PendingDocument big =
        encoder.encode(9, Document.of("big", utf8("{\"x\":\"" + "y".repeat(500) + "\"}"), "p"));
    assembler.add(big, NOW);
    Batch first = assembler.next(10_000, 0);
    assertThat(first.size()).isEqualTo(3);
    assertThat(first.chunks())
        .containsExactlyElementsOf(
            first.documents().stream().flatMap(d -> java.util.Arrays.stream(d.chunks)).toList());
    assertThat(first.bytes()).isEqualTo(first.chunks().stream().mapToLong(c -> c.length).sum());
    Batch second = assembler.next(200, 0);
    assertThat(second.size()).isEqualTo(2);
    Batch third = assembler.next(200, 0);
    assertThat(third.documents()).containsExactly(big);
    assertThat(assembler.isEmpty()).isTrue();
  }

  @Test
  void retriesRideAtTheHeadOfTheNextFullBatchInsteadOfGoingOutAlone() {
    BatchAssembler assembler = new BatchAssembler(0, Duration.ofHours(1));
    PendingDocument retry = encoder.encode(1, Document.of("r", utf8("{}"), "p"));
    new Retries().sent(new Batch(1, List.of(retry), List.of(), retry.bytes, 0), NOW);
    assembler.add(retry, NOW);
    assertThat(assembler.worthSending(1_000_000, false, NOW)).isFalse();
    PendingDocument fresh = encoder.encode(2, Document.of("n", utf8("{}"), "p"));
    assembler.add(fresh, NOW);
    long full = retry.bytes + fresh.bytes;
    assertThat(assembler.worthSending(full, false, NOW)).isTrue();
    assertThat(assembler.next(full, 0).documents()).containsExactly(retry, fresh);
  }

  @Test
  void aRetryThatDoesNotFitEndsTheBatchAndNoFreshDocumentJumpsIt() {
    BatchAssembler assembler = new BatchAssembler(0, Duration.ofHours(1));
    PendingDocument small = encoder.encode(1, Document.of("s", utf8("{}"), "p"));
    PendingDocument large =
        encoder.encode(2, Document.of("l", utf8("{\"x\":\"" + "y".repeat(300) + "\"}"), "p"));
    sentOnce(small, large);
    PendingDocument fresh = encoder.encode(3, Document.of("f", utf8("{}"), "p"));
    addAll(assembler, small, large, fresh);
    long room = small.bytes + fresh.bytes; // the fresh one would fit, the next retry does not
    Batch first = assembler.next(room, 0);
    assertThat(first.documents()).containsExactly(small);
    assertThat(first.chunks()).containsExactly(small.chunks);
    assertThat(assembler.next(room, 0).documents()).containsExactly(large);
    assertThat(assembler.next(room, 0).documents()).containsExactly(fresh);
    assertThat(assembler.isEmpty()).isTrue();
  }

  @Test
  void aDocumentToBeSentAloneGoesAloneAmongRetriesAndFreshOnes() {
    BatchAssembler assembler = new BatchAssembler(0, Duration.ofHours(1));
    PendingDocument retry = encoder.encode(1, Document.of("r", utf8("{}"), "p"));
    PendingDocument lone = encoder.encode(2, Document.of("a", utf8("{}"), "p"));
    sentOnce(retry, lone);
    lone.sendAlone = true;
    PendingDocument fresh = encoder.encode(3, Document.of("f", utf8("{}"), "p"));
    addAll(assembler, retry, lone, fresh);
    assertThat(assembler.next(1_000_000, 0).documents()).containsExactly(retry);
    assertThat(assembler.next(1_000_000, 0).documents()).containsExactly(lone);
    assertThat(assembler.next(1_000_000, 0).documents()).containsExactly(fresh);
  }

  @Test
  void retriesAloneGoOutAtTheFlushIntervalOrAtOnceWhenDraining() {
    BatchAssembler assembler = new BatchAssembler(0, Duration.ofSeconds(1));
    PendingDocument first = encoder.encode(1, Document.of("a", utf8("{}"), "p"));
    PendingDocument second = encoder.encode(2, Document.of("b", utf8("{}"), "p"));
    sentOnce(first, second);
    addAll(assembler, first, second);
    assertThat(assembler.flushDue()).isEqualTo(NOW.plusSeconds(1));
    assertThat(assembler.worthSending(1_000_000, false, NOW.plusMillis(999))).isFalse();
    assertThat(assembler.worthSending(1_000_000, true, NOW)).isTrue();
    assertThat(assembler.worthSending(1_000_000, false, NOW.plusSeconds(1))).isTrue();
    assertThat(assembler.next(1_000_000, 0).documents()).containsExactly(first, second);
    assertThat(assembler.flushDue()).isNull();
  }

  @Test
  void partialBatchIsSentAfterTheFlushInterval() {
    BatchAssembler assembler = new BatchAssembler(0, Duration.ofSeconds(1));
    assembler.add(encoder.encode(1, Document.of("n", utf8("{}"), "p")), NOW);
    assertThat(assembler.worthSending(1_000_000, false, NOW.plusMillis(999))).isFalse();
    assertThat(assembler.worthSending(1_000_000, false, NOW.plusSeconds(1))).isTrue();
  }

  @Test
  void byteBudgetBlocksUntilBytesAreReleased() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    ByteBudget budget = new ByteBudget(100, waiting::countDown);
    budget.acquire(60);
    Thread taker = acquiring(budget, 60);
    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(budget.used()).isEqualTo(60);
    budget.release(60);
    taker.join(5000);
    assertThat(budget.used()).isEqualTo(60);
    assertThat(budget.peak()).isEqualTo(60);
  }

  @Test
  void byteBudgetTellsHowLongACallerWaitedAndNothingWhenItDidNot() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    List<Long> waits = new CopyOnWriteArrayList<>();
    ByteBudget budget = new ByteBudget(100, () -> {}, clock, waits::add);
    budget.acquire(60);
    assertThat(waits).as("bytes that fit wait for nothing").isEmpty();
    Thread taker = acquiring(budget, 60);
    while (!budget.hasWaiters()) {
      Thread.sleep(10);
    }
    clock.advance(Duration.ofMillis(2500));
    budget.release(60);
    taker.join(5000);
    assertThat(waits).containsExactly(2_500_000_000L);
  }

  @Test
  void byteBudgetLetsAnOversizedDocumentInAloneAndWakesWaitersOnFailure() throws Exception {
    ByteBudget budget = new ByteBudget(100, () -> {});
    budget.acquire(500);
    assertThat(budget.peak()).isEqualTo(500);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread taker =
        new Thread(
            () -> {
              try {
                budget.acquire(10);
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    taker.start();
    while (!budget.hasWaiters()) {
      Thread.sleep(5);
    }
    budget.fail(new SluiceException("stopped"));
    taker.join(5000);
    assertThat(thrown.get()).isInstanceOf(SluiceException.class).hasMessage("stopped");
  }

  @Test
  void interruptedWhileWaitingForBudget() throws Exception {
    ByteBudget budget = new ByteBudget(100, () -> {});
    budget.acquire(100);
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> budget.acquire(1)).isInstanceOf(InterruptedException.class);
  }

  /** Marks the documents sent once, as a request would: added again, they are retries. */
  private static void sentOnce(PendingDocument... docs) {
    new Retries().sent(new Batch(1, List.of(docs), List.of(), 0, 0), NOW);
  }

  private static void addAll(BatchAssembler assembler, PendingDocument... docs) {
    for (PendingDocument doc : docs) {
      assembler.add(doc, NOW);
    }
  }

  /** A started thread that takes {@code bytes} from {@code budget}, waiting if it must. */
  private static Thread acquiring(ByteBudget budget, long bytes) {
    Thread taker =
        new Thread(
            () -> {
              try {
                budget.acquire(bytes);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    taker.start();
    return taker;
  }
}
