package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strict mapping rejects the documents that carry a field it does not know: a load stopped by the
 * tolerance is resumed with a fixed option; its dead letters are inspected, the mapping fixed, and
 * the dead letters replayed, once.
 */
@ExtendWith(ElasticsearchExtension.class)
class ResumeAndReplayIT {
  private static final int ROWS = 40;
  private static final String STRICT =
      """
      {"mappings":{"dynamic":"strict","properties":{
        "id":{"type":"keyword"},"n":{"type":"integer"}}},
       "settings":{"number_of_shards":1,"number_of_replicas":0}}
      """;

  @TempDir Path dir;

  /** Every 10th row has a field "color" the strict mapping rejects. */
  private Path input() throws Exception {
    return CliFixtures.lines(
        dir.resolve("rows.json"),
        ROWS,
        i ->
            i % 10 == 3
                ? String.format("{\"id\":\"r%02d\",\"n\":%d,\"color\":\"red\"}", i, i)
                : String.format("{\"id\":\"r%02d\",\"n\":%d}", i, i));
  }

  @Test
  void stoppedByTheToleranceThenResumedWithAFixedOptionEndsExact(EsHandle es) throws Exception {
    String index = es.newIndexName();
    assertThat(es.client().createIndex(index, STRICT).isSuccess()).isTrue();
    CliRun first =
        CliFixtures.load(
            es,
            input(),
            index,
            dir.resolve("out"),
            "-o",
            "sluice.deadletter.max.count=1",
            "-o",
            "es.batch.size.entries=5");
    assertThat(first.exit()).as(first.toString()).isEqualTo(4);
    assertThat(first.err()).contains("sluice resume " + first.runDirectory());
    Path run = first.runDirectory();

    CliRun stopped = CliRun.of("status", run.toString());
    assertThat(stopped.exit()).isZero();
    assertThat(stopped.out()).contains("state         stopped by tolerance");

    CliRun resumed =
        CliRun.of("resume", run.toString(), "--quiet", "-o", "sluice.deadletter.max.count=10");
    assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(3);
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS - 4);
    assertThat(CliFixtures.deadLetters(run.resolve("deadletter")))
        .extracting(DeadLetterRecord::id)
        .containsExactlyInAnyOrder("r03", "r13", "r23", "r33");

    CliRun finished = CliRun.of("status", run.toString());
    assertThat(finished.out())
        .contains("state         finished")
        .contains("partitions    1 of 1 done (job finished)")
        .contains("rows settled  40 (4 of them dead-lettered)")
        .contains("dead letters  4 in " + run.resolve("deadletter"))
        .contains("strict_dynamic_mapping_exception 4");
  }

  @Test
  void inspectThenReplayAfterTheMappingIsFixedThenReplayAgainSendsNothing(EsHandle es)
      throws Exception {
    String index = es.newIndexName();
    assertThat(es.client().createIndex(index, STRICT).isSuccess()).isTrue();
    CliRun load = CliFixtures.load(es, input(), index, dir.resolve("out"));
    assertThat(load.exit()).as(load.toString()).isEqualTo(3);
    Path deadLetters = load.runDirectory().resolve("deadletter");

    CliRun inspect = CliRun.of("dead-letters", "inspect", deadLetters.toString(), "--limit", "1");
    assertThat(inspect.exit()).isZero();
    assertThat(inspect.out())
        .contains("4 dead letters in " + deadLetters)
        .contains("by index: " + index + " 4")
        .contains("by reason: strict_dynamic_mapping_exception 4")
        .contains("\"color\":\"red\"");

    CliFixtures.addKeyword(es, index, "color");
    CliRun replay = CliRun.of("dead-letters", "replay", deadLetters.toString());
    assertThat(replay.exit()).as(replay.toString()).isZero();
    assertThat(replay.out()).contains("4 sent, 4 indexed, 0 dead-lettered again");
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS);
    assertThat(es.client().get("/" + index + "/_doc/r13").body()).contains("\"color\":\"red\"");
    assertThat(CliFixtures.deadLetters(deadLetters)).hasSize(4); // kept, marked replayed
    assertThat(deadLetters.resolve(ReplayMarker.FILE)).exists();

    CliRun again = CliRun.of("dead-letters", "replay", deadLetters.toString());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("Nothing sent").contains("--force");
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS);
  }

  @Test
  void aReplayCutOffHalfWayIsRunAgainWithoutTakingItsOwnDocumentsForConflicts(EsHandle es)
      throws Exception {
    // create with ids from a field: a create finding its id taken is, on a first send, another
    // document's id (a dead letter); after a replay that may have sent it, its own earlier write.
    String index = es.newIndexName();
    assertThat(es.client().createIndex(index, STRICT).isSuccess()).isTrue();
    CliRun load =
        CliFixtures.load(es, input(), index, dir.resolve("out"), "-o", "es.write.operation=create");
    assertThat(load.exit()).as(load.toString()).isEqualTo(3);
    Path deadLetters = load.runDirectory().resolve("deadletter");
    CliFixtures.addKeyword(es, index, "color");

    // What a replay cut off after its first request leaves: two of the four documents created,
    // its start recorded, no replayed marker.
    List<DeadLetterRecord> records = CliFixtures.deadLetters(deadLetters);
    for (DeadLetterRecord r : records.subList(0, 2)) {
      String source = new String(r.source(), StandardCharsets.UTF_8);
      assertThat(es.client().put("/" + index + "/_create/" + r.id(), source).isSuccess()).isTrue();
    }
    new ReplayStart("2026-12-01T04:00:00Z", deadLetters + "-replay-20261201-040000")
        .write(deadLetters);

    CliRun replay = CliRun.of("dead-letters", "replay", deadLetters.toString());
    assertThat(replay.exit()).as(replay.toString()).isZero();
    assertThat(replay.out())
        .contains("did not finish")
        .contains("4 sent, 4 indexed, 0 dead-lettered again");
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS);
    assertThat(deadLetters.resolve(ReplayMarker.FILE)).exists();
    assertThat(deadLetters.resolve(ReplayStart.FILE)).doesNotExist();
  }

  @Test
  void deadLettersWithoutTheLoadsSettingsAreReplayedThroughTheLoadsPipeline(EsHandle es)
      throws Exception {
    // A Spark job writes no load settings beside its dead letters (a shared directory holds the
    // sets of many jobs): what an action named is in its record, or the replay cannot know it.
    String index = es.newIndexName();
    String pipeline = index + "-pipeline";
    // This build's only processor; it fails without security, and the failure is ignored: the
    // node still counts every document the pipeline ran on, which is what this test reads.
    String processor = "{\"set_security_user\":{\"field\":\"by\",\"ignore_failure\":true}}";
    assertThat(
            es.client()
                .put("/_ingest/pipeline/" + pipeline, "{\"processors\":[" + processor + "]}")
                .isSuccess())
        .isTrue();
    assertThat(es.client().createIndex(index, STRICT).isSuccess()).isTrue();
    CliRun load =
        CliFixtures.load(
            es, input(), index, dir.resolve("out"), "-o", "es.ingest.pipeline=" + pipeline);
    assertThat(load.exit()).as(load.toString()).isEqualTo(3);
    // every row went through it, the four the mapping then refused too
    assertThat(pipelineCount(es, pipeline)).isEqualTo(ROWS);
    Path shared = Files.createDirectories(dir.resolve("shared-deadletter"));
    try (Stream<Path> files = Files.list(load.runDirectory().resolve("deadletter"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
        Files.copy(f, shared.resolve(f.getFileName()));
      }
    }
    CliFixtures.addKeyword(es, index, "color");

    CliRun replay = CliRun.of("dead-letters", "replay", shared.toString(), "--es", es.url());
    assertThat(replay.exit()).as(replay.toString()).isZero();
    assertThat(replay.out()).contains("4 sent, 4 indexed, 0 dead-lettered again");
    assertThat(CliFixtures.count(es, index)).isEqualTo(ROWS);
    assertThat(pipelineCount(es, pipeline)).as("documents the pipeline ran on").isEqualTo(ROWS + 4);
  }

  private static long pipelineCount(EsHandle es, String pipeline) throws Exception {
    JsonNode stats = new ObjectMapper().readTree(es.client().get("/_nodes/stats/ingest").body());
    long count = 0;
    for (JsonNode node : stats.path("nodes")) {
      count += node.path("ingest").path("pipelines").path(pipeline).path("count").asLong();
    }
    return count;
  }
}
