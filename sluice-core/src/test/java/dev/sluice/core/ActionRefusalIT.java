package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.report.Counter;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real node answers, per document, to what the engine sends for es.ingest.pipeline,
 * es.mapping.version and scripts (Spark's driver checks catch the first and last before a load; an
 * engine user, or a pipeline deleted during a load, meets these answers).
 */
@ExtendWith(ElasticsearchExtension.class)
@Timeout(120)
class ActionRefusalIT {
  private static final int DOCS = 20;

  @TempDir Path deadLetterDir;

  private Map<String, String> options(EsHandle es, String index, String... more) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    for (int i = 0; i < more.length; i += 2) {
      options.put(more[i], more[i + 1]);
    }
    return options;
  }

  private static LoadResult load(Map<String, String> options, Long version) throws Exception {
    BulkLoader loader = BulkLoader.open(SluiceConfig.fromOptions(options), "w1");
    for (int i = 0; i < DOCS; i++) {
      byte[] source = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      loader.add(new Document(null, "d" + i, null, null, source, "row " + i, version, null));
    }
    return loader.close();
  }

  private static List<DeadLetterRecord> deadLetters(LoadResult result) throws Exception {
    return new DeadLetterReader(new LocalFileStorage()).readAll(result.deadLetterLocation());
  }

  @Test
  void aMissingPipelineDeadLettersEveryDocumentWithTheNodesReason(EsHandle es) throws Exception {
    String index = es.newIndexName();
    LoadResult result = load(options(es, index, "es.ingest.pipeline", "no-such-pipeline"), null);

    assertThat(result.counters().indexed()).isZero();
    assertThat(result.counters().deadLettered()).isEqualTo(DOCS);
    assertThat(result.counters().retriedItems()).as("never retried").isZero();
    assertThat(deadLetters(result))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(400);
              assertThat(r.errorType()).isEqualTo("illegal_argument_exception");
              assertThat(r.reason())
                  .isEqualTo("pipeline with id [no-such-pipeline] does not exist");
            });
  }

  @Test
  void anOlderExternalVersionIsSupersededAndLeavesTheNewerDocument(EsHandle es) throws Exception {
    String index = es.newIndexName();
    LoadResult first = load(options(es, index, "es.mapping.version", "v"), 5L);
    assertThat(first.counters().created()).isEqualTo(DOCS);

    LoadResult older = load(options(es, index, "es.mapping.version", "v"), 3L);
    LoadResult same = load(options(es, index, "es.mapping.version", "v"), 5L);

    for (LoadResult again : List.of(older, same)) {
      assertThat(again.counters().indexed()).isEqualTo(DOCS);
      assertThat(again.counters().get(Counter.SUPERSEDED)).isEqualTo(DOCS);
      assertThat(again.counters().deadLettered()).isZero();
      assertThat(again.reconciles()).isTrue();
    }
    es.client().refresh(index);
    assertThat(es.client().get("/" + index + "/_doc/d1").body()).contains("\"_version\":5");
  }

  @Test
  void aScriptTheNodeCannotRunDeadLettersEveryUpdateWithTheNodesReason(EsHandle es)
      throws Exception {
    String index = es.newIndexName();
    // A new document takes the upsert body without running the script: the documents exist first.
    assertThat(load(options(es, index), null).counters().created()).isEqualTo(DOCS);
    LoadResult result =
        load(
            options(
                es,
                index,
                "es.write.operation",
                "upsert",
                "es.mapping.id",
                "id",
                "es.update.script.inline",
                "ctx._source.n += 1"),
            null);

    assertThat(result.counters().indexed()).isZero();
    assertThat(result.counters().deadLettered()).isEqualTo(DOCS);
    assertThat(deadLetters(result))
        .allSatisfy(
            r -> {
              assertThat(r.errorType()).isEqualTo("illegal_argument_exception");
              assertThat(r.reason()).contains("failed to execute script");
            });
    // What the driver's check (Spark) reads: this node runs no script language at all.
    assertThat(es.client().get("/_script_language").body()).contains("\"language_contexts\":[]");
  }
}
