package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * es.write.rest.error.handlers against the real node: the {@code es} handler indexes one event per
 * rejected document into its index (as many as the dead letters), and {@code fail} stops the load
 * at the first rejected one.
 */
@ExtendWith(ElasticsearchExtension.class)
@Timeout(120)
class ErrorHandlerIndexIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String P = "es.write.rest.error.handler.";
  private static final String STRICT_INDEX =
      "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
          + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
          + "\"n\":{\"type\":\"integer\"}}}}";
  private static final int DOCS = 1_000;
  private static final int BAD_EVERY = 37;

  @TempDir Path deadLetterDir;

  private Map<String, String> options(EsHandle es, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.batch.size.entries", "100");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    return options;
  }

  private static LoadResult load(Map<String, String> options) throws Exception {
    BulkLoader loader = BulkLoader.open(SluiceConfig.fromOptions(options), "handlers");
    try {
      for (int i = 0; i < DOCS; i++) {
        String source = i % BAD_EVERY == 0 ? "{\"n\":\"x" + i + "\"}" : "{\"n\":" + i + "}";
        loader.add(Document.of("d-" + i, source.getBytes(StandardCharsets.UTF_8), "row " + i));
      }
      return loader.close();
    } catch (RuntimeException | InterruptedException e) {
      loader.abort();
      throw e;
    }
  }

  @Test
  void theEsHandlerIndexesOneEventPerDeadLetter(EsHandle es) throws Exception {
    String index = es.newIndexName();
    String errors = es.newIndexName();
    assertThat(es.client().createIndex(index, STRICT_INDEX).isSuccess()).isTrue();
    Map<String, String> options = options(es, index);
    options.put("es.write.rest.error.handlers", "es");
    options.put(P + "es.client.resource", errors);
    options.put(P + "es.label.load", "nightly");
    options.put(P + "es.tags", "sluice-it");

    LoadResult result = load(options);

    long bad = (DOCS + BAD_EVERY - 1) / BAD_EVERY;
    // Handled by the es handler: no tolerance stops the load, though 3% were rejected.
    assertThat(result.counters().deadLettered()).isEqualTo(bad);
    assertThat(result.counters().indexed()).isEqualTo(DOCS - bad);
    assertThat(new DeadLetterReader(new LocalFileStorage()).readAll(result.deadLetterLocation()))
        .hasSize((int) bad);
    es.client().refresh(errors);
    assertThat(es.client().count(errors)).isEqualTo(bad);

    JsonNode hit =
        MAPPER
            .readTree(es.client().get("/" + errors + "/_search?q=sluice.id:d-37").body())
            .at("/hits/hits/0/_source");
    assertThat(hit.at("/sluice/index").asText()).isEqualTo(index);
    assertThat(hit.at("/error/code").asText()).isEqualTo("document_parsing_exception");
    assertThat(hit.at("/event/raw").asText()).isEqualTo("{\"n\":\"x37\"}");
    assertThat(hit.at("/labels/load").asText()).isEqualTo("nightly");
    assertThat(hit.at("/tags/0").asText()).isEqualTo("sluice-it");
    // The rejected documents' fields never reach the error index's mapping.
    assertThat(es.client().get("/" + errors + "/_mapping").body()).doesNotContain("\"n\"");
  }

  @Test
  void theFailHandlerStopsTheLoadAtTheFirstRejectedDocument(EsHandle es) throws Exception {
    String index = es.newIndexName();
    assertThat(es.client().createIndex(index, STRICT_INDEX).isSuccess()).isTrue();
    Map<String, String> options = options(es, index);
    options.put("es.write.rest.error.handlers", "fail");

    Throwable stopped = catchThrowable(() -> load(options));

    assertThat(stopped)
        .isInstanceOf(DeadLetterToleranceException.class)
        .hasMessageContaining("es.write.rest.error.handlers")
        .hasMessageContaining("document_parsing_exception");
  }
}
