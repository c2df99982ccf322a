package dev.sluice.core;

import static dev.sluice.core.ComponentLoaders.doc;
import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.bulkResponse;
import static dev.sluice.core.ScriptedBulkServer.itemError;
import static dev.sluice.core.ScriptedBulkServer.requestError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.core.report.Counter;
import dev.sluice.core.report.DeadLetterSamples;
import dev.sluice.core.report.Measure;
import dev.sluice.core.report.RunReport;
import dev.sluice.core.report.RunReportWriter;
import dev.sluice.core.report.TimeSeries;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine samples what it does, so a {@link BulkLoader} user (the bench, a dead-letter replay)
 * gets the series and the dead-letter samples in its {@link LoadResult}, and a report with them.
 */
@Timeout(60)
class BulkLoaderSeriesTest {
  @TempDir Path dir;

  @Test
  void theResultsSeriesAddsUpToItsCountersAndItsSamplesNameTheDeadLetters() throws Exception {
    // Request 1 is throttled whole; request 2 refuses documents 3 and 5 for good.
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r ->
                r.number() == 1
                    ? json(429, requestError(429, "es_rejected_execution_exception", "queue full"))
                    : json(
                        200,
                        bulkResponse(
                            r,
                            i ->
                                i == 3 || i == 5
                                    ? itemError(400, "mapper_parsing_exception", "bad n " + i)
                                    : null)))) {
      Map<String, String> options = new HashMap<>();
      options.put("es.nodes", server.address());
      options.put("es.resource", "test");
      options.put("es.batch.write.retry.wait", "100ms");
      options.put("sluice.deadletter.path", dir.resolve("dead").toString());
      Instant started = Instant.now();
      BulkLoader loader = ComponentLoaders.open(options, LoadListener.NONE);
      for (int i = 0; i < 10; i++) {
        loader.add(doc(i));
      }
      LoadResult result = loader.close();

      LoadCounters c = result.counters();
      TimeSeries series = result.series();
      assertThat(series.isEmpty()).isFalse();
      assertThat(series.total(Measure.SETTLED)).isEqualTo(c.indexed() + c.deadLettered());
      assertThat(series.total(Measure.DEAD_LETTERED)).isEqualTo(2);
      assertThat(series.total(Measure.BYTES_SENT)).isEqualTo(c.bytesSent());
      assertThat(series.total(Measure.REQUESTS_SENT)).isEqualTo(2);
      assertThat(series.total(Measure.RESPONSES)).isEqualTo(c.get(Counter.BULK_REQUESTS));
      assertThat(series.total(Measure.RETRIED_REQUESTS)).isEqualTo(1);
      assertThat(series.total(Measure.THROTTLED)).isEqualTo(c.throttled()).isEqualTo(1);
      assertThat(series.total(Measure.MAX_IN_FLIGHT)).isEqualTo(1);
      assertThat(result.deadLetterSamples().byReason().get("mapper_parsing_exception"))
          .extracting(DeadLetterSamples.Sample::position, DeadLetterSamples.Sample::source)
          .containsExactly(tuple("row 3", "{\"n\":3}"), tuple("row 5", "{\"n\":5}"));

      Path report = dir.resolve("report.json");
      RunReportWriter.write(
          new LocalFileStorage(),
          report.toString(),
          RunReport.builder("replay", "test")
              .between(started, Instant.now())
              .counters(c, 1, 1)
              .series(result.series())
              .deadLetterSamples(result.deadLetterSamples())
              .build());
      assertThat(Files.readString(report)).contains("\"series\"").contains("\"row 5\"");
      assertThat(Files.readString(dir.resolve("report.html"))).contains("chart-in-flight");
    }
  }
}
