package dev.sluice.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void percentilesAreWithinTenPercent() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.record(i);
    }
    assertThat(h.percentile(50)).isBetween(500L, 550L);
    assertThat(h.percentile(99)).isBetween(990L, 1000L);
    assertThat(h.max()).isEqualTo(1000);
    assertThat(new LatencyHistogram().percentile(50)).isZero();
  }

  @Test
  void countersReconcileOnlyWhenEveryDocumentIsAccountedFor() {
    Counters c = new Counters();
    c.read.add(3);
    c.indexed("created");
    c.indexed("updated");
    assertThat(c.snapshot(0).reconciles()).isFalse();
    c.deadLettered("mapper_parsing_exception");
    LoadCounters s = c.snapshot(42);
    assertThat(s.reconciles()).isTrue();
    assertThat(s.created()).isEqualTo(1);
    assertThat(s.updated()).isEqualTo(1);
    assertThat(s.deadLetteredByReason()).containsExactly(Map.entry("mapper_parsing_exception", 1L));
    assertThat(s.peakBytesBuffered()).isEqualTo(42);
    assertThat(new LoadResult(s, null).reconciliation())
        .isEqualTo("read 3 = indexed 2 + dead-lettered 1");
  }

  @Test
  void runReportIsJsonWithTheReconciliationAndNoSecrets() throws Exception {
    Counters c = new Counters();
    c.read.add(2);
    c.indexed("created");
    c.possibleDuplicates.add(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunReportWriter.write(
        "w1",
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:01:00Z"),
        new LoadResult(c.snapshot(0), null),
        Map.of("es.net.http.auth.pass", "<redacted>"),
        out);
    JsonNode report = new ObjectMapper().readTree(out.toByteArray());
    assertThat(report.get("format_version").asInt()).isEqualTo(1);
    assertThat(report.get("reconciles").asBoolean()).isFalse();
    assertThat(report.get("reconciliation").asText())
        .isEqualTo("read 2 != indexed 1 + dead-lettered 0");
    assertThat(report.at("/counters/possible_duplicates").asLong()).isEqualTo(1);
    assertThat(report.get("warning").asText()).contains("may exist twice");
    assertThat(report.at("/config/es.net.http.auth.pass").asText()).isEqualTo("<redacted>");
  }
}
