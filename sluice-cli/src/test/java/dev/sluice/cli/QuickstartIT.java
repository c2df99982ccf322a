package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run in-process against the shared test node. */
@ExtendWith(ElasticsearchExtension.class)
class QuickstartIT {
  @TempDir Path out;

  @Test
  void loadsTheSampleOrdersAndReportsWhereEverythingIs(EsHandle es) throws Exception {
    String index = es.newIndexName();
    long rows = 12_000;
    CliRun run =
        CliRun.of(
            "quickstart",
            "--es",
            es.url(),
            "--index",
            index,
            "--rows",
            String.valueOf(rows),
            "--partitions",
            "2",
            "--out",
            out.toString());

    String text = run.out();
    long bad = SampleOrders.expectedBad(rows);
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(text).contains(index + ": " + (rows - bad) + " documents");
    assertThat(text).contains("dead letters      " + bad + " (expected " + bad);
    assertThat(text).contains("reconciles        yes");
    assertThat(CliFixtures.count(es, index)).isEqualTo(rows - bad);
    Path page = out.resolve("report.html").toAbsolutePath();
    assertThat(text).contains("report page       " + page);
    assertThat(page).isRegularFile();
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(report.path("counters").path("read").asLong()).isEqualTo(rows);
    try (var files = Files.list(out.resolve("deadletter"))) {
      // One file per partition; the staging area of task attempts (_staging/) is a directory.
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(2);
    }
  }

  @Test
  void expectedBadCountsBothKindsOfBadRowOnce() {
    // ids 13 (bad sku) and 7 (NaN amount) in the first 1000; 4999*k+7 and 997*k+13 never coincide
    // below 1000.
    assertThat(SampleOrders.expectedBad(1000)).isEqualTo(2);
    assertThat(SampleOrders.expectedBad(0)).isZero();
  }
}
