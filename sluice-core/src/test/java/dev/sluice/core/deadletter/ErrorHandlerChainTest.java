package dev.sluice.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.config.ErrorHandlerSettings;
import dev.sluice.core.config.ErrorHandlerSettings.Result;
import dev.sluice.core.transport.HttpResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * elasticsearch-hadoop's handler chains over Sluice's dead letters: every record lands in the store
 * (and is flushed) whatever the chain says; the chain decides whether the job goes on.
 */
class ErrorHandlerChainTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ErrorHandlerSettings LOG =
      new ErrorHandlerSettings.Log("BulkErrors", "WARN");
  private static final ErrorHandlerSettings FAIL = new ErrorHandlerSettings.Fail();

  /** A store in memory: what was written, and how much of it was flushed. */
  private static final class MemoryStore implements DeadLetterStore {
    final List<DeadLetterRecord> written = new ArrayList<>();
    int flushed;

    @Override
    public void write(DeadLetterRecord record) {
      written.add(record);
    }

    @Override
    public void flush() {
      flushed = written.size();
    }

    @Override
    public String location() {
      return "memory";
    }

    @Override
    public void close() {
      flush();
    }
  }

  static DeadLetterRecord record(int i) {
    return new DeadLetterRecord(
        DeadLetterRecord.FORMAT_VERSION,
        "orders",
        "id-" + i,
        "index",
        400,
        "mapper_parsing_exception",
        "failed to parse field [price]",
        1,
        Instant.parse("2026-11-30T10:00:00Z"),
        Instant.parse("2026-11-30T10:00:01Z"),
        "partition 0 row " + i,
        "w-0",
        ("{\"price\":\"x" + i + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static ErrorHandlerSettings es(Result onWritten, Result onError) {
    return new ErrorHandlerSettings.Index(null, "errors", Map.of(), List.of(), onWritten, onError);
  }

  /** A _bulk that answers each event with the status {@code statuses} gives it (0 = cut). */
  private static Function<String, HttpResult> bulk(List<String> bodies, int... statuses) {
    return body -> {
      bodies.add(body);
      if (statuses.length == 1 && statuses[0] == 0) {
        return HttpResult.failure(new IOException("connection reset"));
      }
      StringBuilder items = new StringBuilder();
      for (int i = 0; i < statuses.length; i++) {
        items.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":").append(statuses[i]);
        items.append(
            statuses[i] == 201 ? "" : ",\"error\":{\"type\":\"mapper_parsing_exception\"}");
        items.append("}}");
      }
      return HttpResult.response(
          200, ("{\"errors\":true,\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8));
    };
  }

  /** Runs two dead letters through the chain: "goes on", or "fails: <message>". */
  private static String run(List<ErrorHandlerSettings> handlers, int... indexStatuses)
      throws IOException {
    MemoryStore store = new MemoryStore();
    List<String> bodies = new ArrayList<>();
    HandledDeadLetterStore chain =
        new HandledDeadLetterStore(
            store,
            DeadLetterStores.chain(
                handlers, s -> IndexFailureHandler.withBulk(s, bulk(bodies, indexStatuses))));
    chain.write(record(1));
    chain.write(record(2));
    String outcome;
    try {
      chain.flush();
      outcome = "goes on";
    } catch (DeadLetterToleranceException e) {
      outcome = "fails: " + e.getMessage();
    }
    assertThat(store.flushed).as("both records are in the store first").isEqualTo(2);
    return outcome;
  }

  @Test
  void eachChainDecidesWhetherTheJobGoesOn() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("(nothing: the final fail)", "fails");
    expected.put("log", "goes on");
    expected.put("fail", "fails");
    expected.put("log,fail", "goes on");
    expected.put("es written, HANDLED", "goes on");
    expected.put("es written, PASS", "fails");
    expected.put("es written, PASS + log", "goes on");
    expected.put("es written, ABORT", "fails");
    expected.put("es unreachable, error ABORT", "fails");
    expected.put("es unreachable, error HANDLED", "goes on");
    expected.put("es unreachable, error PASS + log", "goes on");
    expected.put("es second event refused, error ABORT", "fails");
    expected.put("es second event refused, error HANDLED", "goes on");

    Map<String, String> actual = new LinkedHashMap<>();
    actual.put("(nothing: the final fail)", run(List.of(), 201, 201));
    actual.put("log", run(List.of(LOG), 201, 201));
    actual.put("fail", run(List.of(FAIL), 201, 201));
    actual.put("log,fail", run(List.of(LOG, FAIL), 201, 201));
    actual.put("es written, HANDLED", run(List.of(es(Result.HANDLED, Result.ABORT)), 201, 201));
    actual.put("es written, PASS", run(List.of(es(Result.PASS, Result.ABORT)), 201, 201));
    actual.put(
        "es written, PASS + log", run(List.of(es(Result.PASS, Result.ABORT), LOG), 201, 201));
    actual.put("es written, ABORT", run(List.of(es(Result.ABORT, Result.ABORT)), 201, 201));
    actual.put("es unreachable, error ABORT", run(List.of(es(Result.HANDLED, Result.ABORT)), 0));
    actual.put(
        "es unreachable, error HANDLED", run(List.of(es(Result.HANDLED, Result.HANDLED)), 0));
    actual.put(
        "es unreachable, error PASS + log", run(List.of(es(Result.HANDLED, Result.PASS), LOG), 0));
    actual.put(
        "es second event refused, error ABORT",
        run(List.of(es(Result.HANDLED, Result.ABORT)), 201, 400));
    actual.put(
        "es second event refused, error HANDLED",
        run(List.of(es(Result.HANDLED, Result.HANDLED)), 201, 400));
    actual.replaceAll((chain, outcome) -> outcome.startsWith("fails") ? "fails" : outcome);
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void aFailureSaysWhichDocumentAndWhichOptionStoppedTheJob() throws IOException {
    assertThat(run(List.of(FAIL), 201, 201))
        .contains("id-1")
        .contains("mapper_parsing_exception")
        .contains("es.write.rest.error.handlers naming fail")
        .contains("dead-letter store")
        .doesNotContain("\"price\"");
    assertThat(run(List.of(es(Result.PASS, Result.ABORT)), 201, 201)).contains("passed it on");
    assertThat(run(List.of(es(Result.HANDLED, Result.ABORT)), 201, 400))
        .contains("id-2")
        .contains("could not be indexed into errors")
        .contains("es.write.rest.error.handler.es.return.error is ABORT");
  }

  @Test
  void theEsHandlerWritesOneEcsEventPerRejectionWithAStableId() throws IOException {
    ErrorEvents events =
        new ErrorEvents("errors", Map.of("team", "search"), List.of("nightly", "retail"));
    String body = events.bulkBody(List.of(record(1), record(2)));
    String[] lines = body.split("\n");
    assertThat(lines).hasSize(4);

    JsonNode action = MAPPER.readTree(lines[0]).get("index");
    assertThat(action.get("_index").asText()).isEqualTo("errors");
    JsonNode event = MAPPER.readTree(lines[1]);
    assertThat(event.get("@timestamp").asText()).isEqualTo("2026-11-30T10:00:01Z");
    assertThat(event.get("message").asText()).isEqualTo("Encountered Bulk Failure");
    assertThat(event.get("tags").toString()).isEqualTo("[\"nightly\",\"retail\"]");
    assertThat(event.get("labels").get("team").asText()).isEqualTo("search");
    assertThat(event.at("/error/code").asText()).isEqualTo("mapper_parsing_exception");
    assertThat(event.at("/error/message").asText()).isEqualTo("failed to parse field [price]");
    assertThat(event.at("/event/category").asText()).isEqualTo("error");
    assertThat(event.at("/event/type").asText()).isEqualTo("bulk_failure");
    assertThat(event.at("/event/version").asText()).isEqualTo(ErrorEvents.ECS_VERSION);
    // The body is a string: the error index's mapping never takes on the documents' fields.
    assertThat(event.at("/event/raw").isTextual()).isTrue();
    assertThat(event.at("/event/raw").asText()).isEqualTo("{\"price\":\"x1\"}");
    assertThat(event.at("/sluice/index").asText()).isEqualTo("orders");
    assertThat(event.at("/sluice/id").asText()).isEqualTo("id-1");
    assertThat(event.at("/sluice/position").asText()).isEqualTo("partition 0 row 1");
    assertThat(event.at("/sluice/status").asInt()).isEqualTo(400);

    String again = events.bulkBody(List.of(record(1)));
    assertThat(MAPPER.readTree(again.split("\n")[0]).at("/index/_id").asText())
        .isEqualTo(action.get("_id").asText())
        .isNotEqualTo(MAPPER.readTree(lines[2]).at("/index/_id").asText());
  }
}
