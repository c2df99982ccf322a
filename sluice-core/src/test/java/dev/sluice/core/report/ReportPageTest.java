package dev.sluice.core.report;

import static dev.sluice.core.report.SampleReports.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.SluiceConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BLOCK =
      Pattern.compile("<script type=\"application/json\" id=\"([\\w-]+)\">(.*?)</script>");

  private static JsonNode tree(RunReport report) throws Exception {
    return JSON.readTree(RunReportWriter.toJson(report));
  }

  private static ReportPage page(RunReport report) throws Exception {
    return ReportPage.of(tree(report));
  }

  static Map<String, JsonNode> dataBlocks(String html) throws Exception {
    Map<String, JsonNode> blocks = new HashMap<>();
    Matcher m = BLOCK.matcher(html);
    while (m.find()) {
      blocks.put(m.group(1), JSON.readTree(m.group(2)));
    }
    return blocks;
  }

  private static ReportCharts.Chart chart(ReportPage page, String id) {
    return page.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<Double> series(ReportCharts.Chart chart, String label) {
    return chart.series().stream()
        .filter(s -> s.label().equals(label))
        .findFirst()
        .orElseThrow()
        .values();
  }

  @Test
  void throughputOverTimeAddsTheTasksRunningBetweenEachStartAndEnd() throws Exception {
    ReportCharts.Chart throughput =
        chart(page(SampleReports.loaded(Map.of()).build()), "throughput");

    // p0 100 docs/s over 0–4 s, p1 100 docs/s over 1–3 s, p2 200 docs/s over 2–6 s.
    assertThat(throughput.x()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 6.0);
    assertThat(series(throughput, "docs/s"))
        .containsExactly(100.0, 200.0, 400.0, 300.0, 200.0, 0.0);
    assertThat(series(throughput, "tasks running")).containsExactly(1.0, 2.0, 3.0, 2.0, 1.0, 0.0);
  }

  @Test
  void theSeriesGivesChartsOverTimeOfThroughputBatchBytesInFlightRetriesAndLatency()
      throws Exception {
    ReportPage page = page(SampleReports.loaded(Map.of()).build());

    assertThat(page.charts())
        .filteredOn(c -> c.section() == ReportCharts.Section.OVER_TIME)
        .extracting(ReportCharts.Chart::id)
        .containsExactly("docs-over-time", "batch-bytes", "in-flight", "retries", "latency");
    ReportCharts.Chart docs = chart(page, "docs-over-time");
    // six 1 s buckets from the run's start, and the end of the last
    assertThat(docs.x()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
    assertThat(series(docs, "docs/s")).containsOnly(100.0);
    assertThat(series(chart(page, "batch-bytes"), "mean batch bytes")).containsOnly(1000.0);
    assertThat(series(chart(page, "in-flight"), "max in flight"))
        .containsExactly(1.0, 1.0, 2.0, 2.0, 1.0, 1.0, 1.0);
    assertThat(series(chart(page, "in-flight"), "mean in flight"))
        .containsExactly(0.5, 0.5, 1.0, 1.0, 0.5, 0.5, 0.5);
    ReportCharts.Chart retries = chart(page, "retries");
    assertThat(retries.sameScale()).isTrue();
    assertThat(series(retries, "429s")).containsExactly(0.0, 0.0, 5.0, 0.0, 0.0, 0.0, 0.0);
    assertThat(series(retries, "whole requests refused"))
        .containsExactly(0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0);
    assertThat(series(chart(page, "latency"), "mean ms")).containsOnly(50.0);
    assertThat(series(chart(page, "latency"), "max ms")).containsOnly(50.0);
    assertThat(page.html()).contains("in buckets of 1 s");
  }

  @Test
  void deadLettersHaveATableOfSamplesPerReason() throws Exception {
    String html = page(SampleReports.loaded(Map.of()).build()).html();

    assertThat(html)
        .contains("<h4>mapper_parsing_exception</h4><table class=\"samples\">")
        .contains(
            "<tr><td>partition 0 row 7</td><td>orders</td><td>id-1</td>"
                + "<td>failed to parse field [price]</td><td>{&quot;price&quot;:&quot;abc&quot;}</td></tr>");
  }

  @Test
  void aSchema3ReportWithoutASeriesStillMakesAPage() throws Exception {
    ObjectNode tree = (ObjectNode) tree(SampleReports.loaded(Map.of()).build());
    tree.put("schema_version", 3).remove(List.of("series", "dead_letter_samples"));

    ReportPage page = ReportPage.of(tree);

    assertThat(page.charts()).extracting(ReportCharts.Chart::id).contains("throughput");
    assertThat(page.charts()).noneMatch(c -> c.section() == ReportCharts.Section.OVER_TIME);
    assertThat(page.html())
        .contains("This report has no series (schema 3")
        .doesNotContain("Sample dead letters");
  }

  @Test
  void eachPartitionHasItsSpeedAndTheRunItsOverallSpeed() throws Exception {
    ReportPage page = page(SampleReports.loaded(Map.of()).build());

    assertThat(page.docsPerSecond()).isEqualTo(1400 / 8.0);
    assertThat(page.tasks()).extracting(ReportPage.Task::name).containsExactly("p0", "p1", "p2 #1");
    assertThat(page.tasks()).extracting(ReportPage.Task::settled).containsExactly(400L, 200L, 800L);
    assertThat(series(chart(page, "partition-speed"), "docs/s"))
        .containsExactly(100.0, 100.0, 200.0);
    assertThat(page.tasks().get(1).counters())
        .containsEntry("deadLettered", 4L)
        .containsEntry("retriedItems", 7L)
        .containsEntry("throttled", 3L);
  }

  @Test
  void theBannerSaysHowTheRunEnded() throws Exception {
    assertThat(page(SampleReports.loaded(Map.of()).build()).headline())
        .isEqualTo("Finished with 4 dead letters");
    RunReport clean =
        RunReport.builder("j", "i")
            .between(SampleReports.START, SampleReports.START.plusSeconds(1))
            .counters(SampleReports.task(5, 0, 0, 0), 1, 1)
            .build();
    assertThat(page(clean).outcome()).isEqualTo(ReportPage.Outcome.FINISHED);
    ReportPage stopped =
        page(
            SampleReports.loaded(Map.of())
                .ended(RunEnding.STOPPED_BY_TOLERANCE, "DeadLetterToleranceException: 4 of 10")
                .build());
    assertThat(stopped.outcome()).isEqualTo(ReportPage.Outcome.STOPPED);
    assertThat(stopped.headline()).isEqualTo("Stopped: stopped by tolerance");
    assertThat(stopped.html()).contains("Why: DeadLetterToleranceException: 4 of 10");
  }

  @Test
  void everyCounterTheReportHoldsIsShownEvenOnesThisPageDoesNotKnow() throws Exception {
    ObjectNode tree = (ObjectNode) tree(SampleReports.loaded(Map.of()).build());
    ObjectNode counters = (ObjectNode) tree.get("counters");
    counters.put("merged", 17);
    counters.putObject("byIndex").putObject("orders-2026").put("indexed", 9).put("deadLettered", 2);
    ((ObjectNode) counters.get("byIndex"))
        .putObject("orders-2025")
        .put("indexed", 3)
        .put("deadLettered", 0);

    ReportPage page = ReportPage.of(tree);

    assertThat(page.counts()).containsEntry("merged", 17L);
    assertThat(page.breakdowns())
        .containsEntry("byIndex deadLettered", Map.of("orders-2026", 2L, "orders-2025", 0L))
        .containsEntry("byIndex indexed", Map.of("orders-2026", 9L, "orders-2025", 3L));
    assertThat(page.charts())
        .extracting(ReportCharts.Chart::title)
        .contains("dead lettered by reason", "by index dead lettered", "by index indexed");
    assertThat(page.charts())
        .filteredOn(c -> c.title().startsWith("by index"))
        .extracting(ReportCharts.Chart::section)
        .containsExactly(ReportCharts.Section.DEAD_LETTERS, ReportCharts.Section.BREAKDOWNS);
    assertThat(page.html()).contains("<td>merged</td><td>17</td>");
  }

  @Test
  void aSchema2ReportWithoutATimelineStillMakesAPage() throws Exception {
    ObjectNode tree = (ObjectNode) tree(SampleReports.loaded(Map.of()).build());
    tree.put("schema_version", 2).remove("timeline");

    ReportPage page = ReportPage.of(tree);

    assertThat(page.tasks()).isEmpty();
    assertThat(page.charts()).extracting(ReportCharts.Chart::id).doesNotContain("throughput");
    assertThat(page.html()).contains("This report has no timeline (schema 2");
  }

  @Test
  void everyStringIsEscapedInTheHtmlAndInTheDataBlocks() throws Exception {
    RunReport report = SampleReports.loaded(Map.of("sluice.note", HOSTILE)).build();
    String html = page(report).html();

    assertThat(html).doesNotContain(HOSTILE).doesNotContain("<b>");
    assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)");
    // Only our own script elements: 2 data blocks, uPlot, the page's script.
    assertThat(html.split("<script", -1)).hasSize(5);
    // In a script, U+2028 ends a line for older engines: the data blocks carry it escaped.
    Matcher block = BLOCK.matcher(html);
    while (block.find()) {
      assertThat(block.group(2)).doesNotContain("\u2028").contains("\\u003c/script\\u003e");
    }
    Map<String, JsonNode> blocks = dataBlocks(html);
    assertThat(blocks.get("sluice-report")).isEqualTo(tree(report));
    assertThat(blocks.get("sluice-report").at("/options/sluice.note").asText()).isEqualTo(HOSTILE);
    assertThat(blocks.get("sluice-charts").at("/charts/0/id").asText()).isEqualTo("throughput");
  }

  @Test
  void aSecretGivenAsAnOptionNeverReachesThePage() throws Exception {
    String secret = "s3cr3t-Pa55-" + System.nanoTime();
    SluiceConfig config =
        SluiceConfig.fromOptions(
            Map.of(
                "es.nodes", "127.0.0.1",
                "es.resource", "orders",
                "es.net.http.auth.user", "loader",
                "es.net.http.auth.pass", secret));

    String html = page(SampleReports.loaded(config.toRedactedMap()).build()).html();

    assertThat(html).doesNotContain(secret).contains("es.net.http.auth.user");
  }
}
