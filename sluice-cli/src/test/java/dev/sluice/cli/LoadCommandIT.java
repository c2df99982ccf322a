package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** sluice load against the shared test node: malformed input, exit codes, errors. */
@ExtendWith(ElasticsearchExtension.class)
class LoadCommandIT {
  @TempDir Path dir;

  private static List<DeadLetterRecord> deadLetters(Path run) throws Exception {
    return CliFixtures.deadLetters(run.resolve("deadletter"));
  }

  @Test
  void aMalformedJsonLineIsDeadLetteredWithFileAndLineAndTheRestIsIndexed(EsHandle es)
      throws Exception {
    Path input = dir.resolve("orders.json");
    Files.writeString(
        input,
        """
        {"id":"a","n":1}
        {"id":"b","n":2}
        {"id":"c", this is not json
        {"id":"d","n":4}
        """);
    String index = es.newIndexName();
    CliRun run = CliFixtures.load(es, input, index, dir.resolve("out"));

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(CliFixtures.count(es, index)).isEqualTo(3);
    List<DeadLetterRecord> dead = deadLetters(run.runDirectory());
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).position()).isEqualTo(input + ":3");
    assertThat(dead.get(0).errorType()).isEqualTo("malformed_input");
    assertThat(new String(dead.get(0).source(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"c\", this is not json");
    assertThat(run.out())
        .contains("dead letters  1 in " + run.runDirectory().resolve("deadletter"));
  }

  @Test
  void aBadCsvNumberIsDeadLetteredAndTheColumnStaysNumeric(EsHandle es) throws Exception {
    Path input = dir.resolve("sales.csv");
    Files.writeString(input, "id,amount,name\n1,10,a\n2,20,b\n3,twelve,c\n4,40,d\n5,50,e\n");
    String index = es.newIndexName();
    CliRun run = CliFixtures.load(es, input, index, dir.resolve("out"));

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(CliFixtures.count(es, index)).isEqualTo(4);
    assertThat(es.client().get("/" + index + "/_doc/2").body()).contains("\"amount\":20");
    List<DeadLetterRecord> dead = deadLetters(run.runDirectory());
    assertThat(dead).extracting(DeadLetterRecord::position).containsExactly(input + ":4");
    assertThat(new String(dead.get(0).source(), StandardCharsets.UTF_8)).isEqualTo("3,twelve,c");
  }

  @Test
  void aCleanLoadIsExitCodeZero(EsHandle es) throws Exception {
    Path input = dir.resolve("clean.json");
    Files.writeString(input, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
    String index = es.newIndexName();
    CliRun run = CliFixtures.load(es, input, index, dir.resolve("out"));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readString(run.runDirectory().resolve("run.json"))).contains(index);
    Path page = run.runDirectory().resolve("report.html");
    assertThat(run.out())
        .contains("report        " + run.runDirectory().resolve("report.json"))
        .contains("report page   " + page);
    assertThat(page).isRegularFile();
  }

  @Test
  void aBadOptionAMissingOrUnreadableInputAndAMissingIndexAreExitCodeTwo(EsHandle es)
      throws Exception {
    Path input = dir.resolve("one.json");
    Files.writeString(input, "{\"id\":\"a\"}\n");
    Path out = dir.resolve("out");

    CliRun badOption = CliFixtures.load(es, input, "x", out, "-o", "es.batch.size.entries=lots");
    assertThat(badOption.exit()).as(badOption.toString()).isEqualTo(2);
    assertThat(badOption.err()).contains("es.batch.size.entries").doesNotContain("\tat ");

    CliRun missing = CliFixtures.load(es, dir.resolve("nope.json"), "x", out);
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Input " + dir.resolve("nope.json") + " does not exist");

    CliRun notParquet = CliFixtures.load(es, input, "x", out, "--format", "parquet");
    assertThat(notParquet.exit()).as(notParquet.toString()).isEqualTo(2);
    assertThat(notParquet.err())
        .contains("Cannot read " + input + " as parquet")
        .contains("Check --format")
        .doesNotContain("\tat ");

    CliRun noIndex =
        CliFixtures.load(es, input, es.newIndexName(), out, "-o", "es.index.auto.create=false");
    assertThat(noIndex.exit()).as(noIndex.toString()).isEqualTo(2);
    assertThat(noIndex.err()).contains("does not exist and es.index.auto.create=false");
  }

  @Test
  void anUnreachableClusterIsExitCodeOneNamingTheUrl() throws Exception {
    Path input = dir.resolve("one.json");
    Files.writeString(input, "{\"id\":\"a\"}\n");
    CliRun run = CliFixtures.load("http://127.0.0.1:1", input, "x", dir.resolve("out"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("Cannot reach Elasticsearch at http://127.0.0.1:1")
        .contains("GET /")
        .doesNotContain("\tat ");
  }
}
