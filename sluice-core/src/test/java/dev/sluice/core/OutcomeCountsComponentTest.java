package dev.sluice.core;

import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.id.IdStrategy;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.IndexCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every success is counted by its result and its index, whatever runs the items of a response come
 * in (the engine counts alike items of a response together), through the real REST client against a
 * scripted {@code _bulk} that answers {@code errors:false}.
 */
@Timeout(60)
class OutcomeCountsComponentTest {
  private static final String UPDATED = "\"_version\":2,\"result\":\"updated\",\"status\":200";
  private static final String NOOP = "\"_version\":2,\"result\":\"noop\",\"status\":200";
  private static final String DELETED = "\"_version\":3,\"result\":\"deleted\",\"status\":200";
  private static final String NOT_FOUND = "\"_version\":1,\"result\":\"not_found\",\"status\":404";
  private static final String CONFLICT =
      itemError(409, "version_conflict_engine_exception", "current version [9] is higher");

  /** Index, op, version and the server's answer (null: created) of each document, in order. */
  private record Row(String index, OpType op, Long version, String answer) {}

  private static final List<Row> ROWS =
      List.of(
          new Row("a", OpType.INDEX, null, null),
          new Row("a", OpType.INDEX, null, null),
          new Row("a", OpType.INDEX, null, null),
          new Row("a", OpType.INDEX, null, UPDATED),
          new Row("a", OpType.INDEX, null, NOOP),
          new Row("b", OpType.INDEX, null, null),
          new Row("b", OpType.INDEX, null, null),
          new Row("b", OpType.DELETE, null, DELETED),
          new Row("b", OpType.DELETE, null, NOT_FOUND),
          new Row("a", OpType.INDEX, 1L, CONFLICT),
          new Row("a", OpType.INDEX, null, null),
          new Row("b", OpType.INDEX, null, UPDATED),
          new Row("a", OpType.INDEX, null, UPDATED));

  @TempDir Path deadLetterDir;

  private LoadResult load(Map<String, String> extra, boolean hashIds) throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(r -> json(200, bulkResponse(r, i -> ROWS.get(i).answer())))) {
      Map<String, String> options = new HashMap<>(extra);
      options.put("es.nodes", server.address());
      options.put("es.resource", "a");
      options.put("sluice.deadletter.path", deadLetterDir.toString());
      BulkLoader loader = ComponentLoaders.open(options, Attempt.FIRST);
      for (int i = 0; i < ROWS.size(); i++) {
        Row row = ROWS.get(i);
        byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        boolean delete = row.op() == OpType.DELETE;
        // Under the content-hash strategy, as a Spark load gives them: each body's hash.
        String id = hashIds && !delete ? IdStrategy.contentHash().idOf(List.of(), body) : "d" + i;
        loader.add(
            new Document(
                row.index(),
                id,
                null,
                row.op(),
                delete ? null : body,
                "row " + i,
                row.version(),
                null));
      }
      return loader.close();
    }
  }

  @Test
  void eachResultIsCountedOnceForItsIndex() throws Exception {
    LoadResult result = load(Map.of("es.mapping.id", "n"), false);
    LoadCounters counters = result.counters();

    assertThat(counters.indexed()).isEqualTo(13);
    assertThat(counters.created()).isEqualTo(6);
    assertThat(counters.updated()).isEqualTo(3);
    assertThat(counters.deleted()).isEqualTo(1);
    assertThat(counters.get(Counter.SUPERSEDED)).isEqualTo(1);
    assertThat(counters.merged()).isZero();
    assertThat(counters.byIndex().asMap())
        .isEqualTo(Map.of("a", new IndexCounts(8, 0), "b", new IndexCounts(5, 0)));
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void withContentHashIdsTheIndexedOnesFoundThereAreMergedInstead() throws Exception {
    LoadResult result = load(Map.of(), true);
    LoadCounters counters = result.counters();

    assertThat(counters.merged()).isEqualTo(4); // the updated and the noop index ops
    assertThat(counters.updated()).isZero();
    assertThat(counters.created()).isEqualTo(6);
    assertThat(counters.deleted()).isEqualTo(1);
    assertThat(counters.get(Counter.SUPERSEDED)).isEqualTo(1);
    assertThat(counters.indexed()).isEqualTo(9);
    assertThat(counters.byIndex().asMap())
        .isEqualTo(Map.of("a", new IndexCounts(5, 0), "b", new IndexCounts(4, 0)));
    assertThat(result.reconciles()).isTrue();
  }
}
