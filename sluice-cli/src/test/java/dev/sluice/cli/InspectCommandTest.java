package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  private static final String FORMAT_ONE =
      "{\"v\":1,\"index\":\"orders\",\"id\":\"a\",\"op\":\"index\",\"status\":400,"
          + "\"error_type\":\"document_parsing_exception\",\"reason\":\"bad n\",\"attempts\":1,"
          + "\"position\":\"partition 0 row 1\",\"writer_id\":\"w\",\"source\":{\"n\":\"x\"}}\n";
  private static final String FORMAT_TWO =
      "{\"v\":2,\"index\":\"orders-b\",\"id\":\"b\",\"op\":\"update\",\"status\":400,"
          + "\"error_type\":\"document_parsing_exception\",\"reason\":\"bad n\",\"attempts\":1,"
          + "\"position\":\"partition 0 row 2\",\"writer_id\":\"w\",\"source\":{\"n\":\"y\"},"
          + "\"routing\":\"s1\",\"version\":7,\"version_type\":\"external\","
          + "\"script_params\":{\"inc\":2}}\n";

  @TempDir Path dir;

  @Test
  void showsWhatEachActionCarriedAndSaysWhichRecordsKeptLess() throws Exception {
    Files.writeString(dir.resolve("w.ndjson"), FORMAT_ONE + FORMAT_TWO);
    CliRun run = CliRun.of("dead-letters", "inspect", dir.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("2 dead letters in " + dir)
        .contains("partition 0 row 2  update id=b routing=s1 version=7 (external)")
        .contains("script params={\"inc\":2}")
        .contains("1 of them were written before Sluice kept routing, version and script params");
  }

  @Test
  void aSetOfTheCurrentFormatSaysNothingAboutOlderRecords() throws Exception {
    Files.writeString(dir.resolve("w.ndjson"), FORMAT_TWO);
    CliRun run = CliRun.of("dead-letters", "inspect", dir.toString());
    assertThat(run.out()).doesNotContain("written before");
  }

  @Test
  void replayHelpSaysWhatEachOperationDoes() {
    CliRun run = CliRun.of("dead-letters", "replay", "--help");
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("update and upsert apply the same partial document, or the same script")
        .contains("delete deletes the id again")
        .contains("(format 1; inspect says so) are sent without them");
  }
}
