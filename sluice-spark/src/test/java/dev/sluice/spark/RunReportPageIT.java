package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A Spark load writes report.html beside its JSON report, with every partition's timeline. */
@ExtendWith(ElasticsearchExtension.class)
class RunReportPageIT {
  private static final int PARTITIONS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-run-report-page-it", "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** The JSON of the page's {@code <script type="application/json" id="...">} block. */
  private static JsonNode dataBlock(String html, String id) throws Exception {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("the page's %s block", id).isTrue();
    return JSON.readTree(m.group(1));
  }

  @Test
  void thePageBesideTheReportHoldsEveryPartitionsTimeline(EsHandle es) throws Exception {
    String index = es.newIndexName();
    assertThat(
            es.client()
                .createIndex(
                    index,
                    "{\"mappings\":{\"properties\":{\"key\":{\"type\":\"keyword\"},"
                        + "\"code\":{\"type\":\"long\"}}}}")
                .isSuccess())
        .isTrue();
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    // The local node has no security and ignores the credentials; the page must not show them.
    options.put("es.net.http.auth.user", "loader");
    options.put("es.net.http.auth.pass", "page-secret-41");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    options.put("sluice.report.path", out.resolve("run/report.json").toString());

    // Every 20th row has a code the mapping (long) refuses: 45 dead letters of 900 rows.
    spark
        .range(0, 900, 1, PARTITIONS)
        .selectExpr(
            "format_string('k-%05d', id) AS key",
            "IF(id % 20 = 7, 'not-a-number', CAST(id AS STRING)) AS code")
        .write()
        .format("sluice")
        .mode("append")
        .options(options)
        .save();

    Path page = out.resolve("run/report.html");
    assertThat(page).exists();
    String html = Files.readString(page);
    assertThat(html).doesNotContain("page-secret-41").contains("Finished with 45 dead letters");
    JsonNode report = dataBlock(html, "sluice-report");
    assertThat(report).isEqualTo(JSON.readTree(out.resolve("run/report.json").toFile()));
    assertThat(report.get("schema_version").asInt()).isEqualTo(4);

    JsonNode timeline = report.get("timeline");
    TreeSet<Integer> partitions = new TreeSet<>();
    long settled = 0;
    Instant runStart = Instant.parse(report.get("started_at").asText());
    Instant runEnd = Instant.parse(report.get("ended_at").asText());
    for (JsonNode task : timeline) {
      partitions.add(task.get("partition").asInt());
      Instant started = Instant.parse(task.get("started_at").asText());
      Instant ended = Instant.parse(task.get("ended_at").asText());
      assertThat(started).isBetween(runStart, ended);
      assertThat(ended).isBeforeOrEqualTo(runEnd);
      assertThat(task.get("settled").asLong())
          .isEqualTo(
              task.at("/counters/indexed").asLong() + task.at("/counters/deadLettered").asLong())
          .isEqualTo(300);
      settled += task.get("settled").asLong();
    }
    assertThat(partitions).containsExactly(0, 1, 2);
    assertThat(settled).isEqualTo(900);
    assertThat(report.at("/counters/deadLettered").asLong()).isEqualTo(45);

    // What the load did over time: every settled document in some bucket, every byte sent.
    JsonNode buckets = report.at("/series/buckets");
    assertThat(buckets).isNotEmpty();
    long docs = 0;
    long bytes = 0;
    long requests = 0;
    long responses = 0;
    for (JsonNode b : buckets) {
      Instant start = Instant.parse(b.get("start_at").asText());
      assertThat(start).isBetween(runStart.minusSeconds(1), runEnd);
      docs += b.get("settled").asLong();
      bytes += b.get("bytes_sent").asLong();
      requests += b.get("requests_sent").asLong();
      responses += b.get("responses").asLong();
      assertThat(b.get("max_in_flight").asLong()).isLessThanOrEqualTo(64);
    }
    assertThat(docs)
        .isEqualTo(
            report.at("/counters/indexed").asLong() + report.at("/counters/deadLettered").asLong())
        .isEqualTo(900);
    assertThat(bytes).isEqualTo(report.at("/counters/bytesSent").asLong()).isPositive();
    assertThat(requests)
        .isEqualTo(responses)
        .isEqualTo(report.at("/counters/bulkRequests").asLong());
    // one reason (the server's name for a value its mapping refuses), a few samples of it
    String reason = report.at("/counters/deadLetteredByReason").fieldNames().next();
    assertThat(report.get("dead_letter_samples").size()).isEqualTo(1);
    JsonNode samples = report.get("dead_letter_samples").get(reason);
    assertThat(samples).hasSize(5);
    assertThat(samples.get(0).get("position").asText()).startsWith("partition ");
    assertThat(samples.get(0).get("source").asText()).contains("not-a-number");
    assertThat(html).contains("<h3>Sample dead letters</h3>");

    JsonNode charts = dataBlock(html, "sluice-charts").get("charts");
    assertThat(charts.findValuesAsText("id"))
        .contains("throughput", "partition-speed", "docs-over-time", "in-flight", "retries");
    assertThat(charts.get(1).get("labels")).hasSize(PARTITIONS);
  }
}
