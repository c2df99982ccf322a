package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay does what the original action did: the routed, externally versioned documents of a
 * pattern-indexed load land in their own index with their routing and version. (A scripted update's
 * params are kept too, {@link ReplayerTest}: the test node runs no script language.)
 */
@ExtendWith(ElasticsearchExtension.class)
class ExactReplayIT {
  private static final int ROWS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STRICT =
      """
      {"mappings":{"dynamic":"strict","properties":{
        "id":{"type":"keyword"},"n":{"type":"integer"},"kind":{"type":"keyword"},
        "shard":{"type":"keyword"},"ver":{"type":"long"}}},
       "settings":{"number_of_shards":1,"number_of_replicas":0}}
      """;
  private static final List<String> REJECTED = List.of("r03", "r08", "r13", "r18");

  @TempDir Path dir;

  /** Rows 3, 8, 13 and 18 carry {@code extra} (if any), which the strict mapping does not know. */
  private Path input(String name, String row, String extra) throws Exception {
    return CliFixtures.lines(
        dir.resolve(name),
        ROWS,
        i -> {
          String line = String.format(row, i, i, i % 2 == 0 ? "a" : "b", i % 3, 100 + i);
          return extra != null && i % 5 == 3
              ? line.substring(0, line.length() - 1) + "," + extra + "}"
              : line;
        });
  }

  @Test
  void routingVersionAndPatternIndexAreKept(EsHandle es) throws Exception {
    String base = es.newIndexName();
    for (String kind : List.of("a", "b")) {
      assertThat(es.client().createIndex(base + "-" + kind, STRICT).isSuccess()).isTrue();
    }
    Path input =
        input(
            "rows.json",
            "{\"id\":\"r%02d\",\"n\":%d,\"kind\":\"%s\",\"shard\":\"s%d\",\"ver\":%d}",
            "\"color\":\"red\"");
    CliRun load =
        CliFixtures.load(
            es,
            input,
            base + "-{kind}",
            dir.resolve("out"),
            "-o",
            "es.mapping.routing=shard",
            "-o",
            "es.mapping.version=ver",
            "-o",
            "es.mapping.version.type=external");
    assertThat(load.exit()).as(load.toString()).isEqualTo(3);
    Path deadLetters = load.runDirectory().resolve("deadletter");
    for (String kind : List.of("a", "b")) {
      CliFixtures.addKeyword(es, base + "-" + kind, "color");
    }

    CliRun replay = CliRun.of("dead-letters", "replay", deadLetters.toString());
    assertThat(replay.exit()).as(replay.toString()).isZero();
    assertThat(replay.out()).contains("4 sent, 4 indexed, 0 dead-lettered again");
    for (String kind : List.of("a", "b")) {
      assertThat(CliFixtures.count(es, base + "-" + kind)).isEqualTo(ROWS / 2);
    }
    for (String id : REJECTED) {
      int i = Integer.parseInt(id.substring(1));
      String index = base + "-" + (i % 2 == 0 ? "a" : "b");
      JsonNode doc = JSON.readTree(es.client().get("/" + index + "/_doc/" + id).body());
      assertThat(doc.path("found").asBoolean()).as(id + " in " + index).isTrue();
      assertThat(doc.path("_routing").asText()).as(id).isEqualTo("s" + i % 3);
      assertThat(doc.path("_version").asLong()).as(id).isEqualTo(100 + i);
      assertThat(doc.path("_source").path("color").asText()).isEqualTo("red");
    }
  }
}
