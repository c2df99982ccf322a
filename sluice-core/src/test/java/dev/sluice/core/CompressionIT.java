package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Gzip request bodies, as the real node decodes them. */
@ExtendWith(ElasticsearchExtension.class)
class CompressionIT {
  @TempDir Path deadLetters;

  @Test
  void aCompressedLoadIndexesEveryDocument(EsHandle es) throws Exception {
    String index = es.newIndexName();
    BulkLoader loader =
        BulkLoader.open(
            SluiceConfig.fromOptions(
                Map.of(
                    "es.nodes",
                    es.url(),
                    "es.resource",
                    index,
                    "es.batch.size.entries",
                    "500",
                    "sluice.http.compression",
                    "true",
                    "sluice.deadletter.path",
                    deadLetters.toString())),
            "gzip");
    int docs = 5_000;
    for (int i = 0; i < docs; i++) {
      String body = "{\"n\":" + i + ",\"text\":\"caf\u00e9 " + "x".repeat(i % 200) + "\"}";
      loader.add(Document.of("g-" + i, body.getBytes(StandardCharsets.UTF_8), "row " + i));
    }
    LoadResult result = loader.close();

    assertThat(result.counters().indexed()).isEqualTo(docs);
    assertThat(result.counters().deadLettered()).isZero();
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(docs);
    assertThat(es.client().get("/" + index + "/_doc/g-4999").body()).contains("caf\u00e9");
  }
}
