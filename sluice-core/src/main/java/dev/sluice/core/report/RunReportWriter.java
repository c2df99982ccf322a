package dev.sluice.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

/** Writes the final run report as JSON (format version 1). */
public final class RunReportWriter {
  public static final int FORMAT_VERSION = 1;
  private static final JsonFactory JSON = new JsonFactory();

  private RunReportWriter() {}

  /**
   * @param config the redacted option map ({@code SluiceConfig.toRedactedMap()}), never clear
   *     secrets
   */
  public static void write(
      String writerId,
      Instant started,
      Instant finished,
      LoadResult result,
      Map<String, String> config,
      OutputStream out)
      throws IOException {
    LoadCounters c = result.counters();
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeNumberField("format_version", FORMAT_VERSION);
      g.writeStringField("writer_id", writerId);
      g.writeStringField("started", started.toString());
      g.writeStringField("finished", finished.toString());
      g.writeBooleanField("reconciles", result.reconciles());
      g.writeStringField("reconciliation", result.reconciliation());
      g.writeStringField("dead_letter_location", result.deadLetterLocation());
      g.writeObjectFieldStart("counters");
      g.writeNumberField("read", c.read());
      g.writeNumberField("indexed", c.indexed());
      g.writeNumberField("created", c.created());
      g.writeNumberField("updated", c.updated());
      g.writeNumberField("deleted", c.deleted());
      g.writeNumberField("already_delivered", c.alreadyDelivered());
      g.writeNumberField("dead_lettered", c.deadLettered());
      g.writeObjectFieldStart("dead_lettered_by_reason");
      for (Map.Entry<String, Long> e : c.deadLetteredByReason().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("retried_items", c.retriedItems());
      g.writeNumberField("retried_requests", c.retriedRequests());
      g.writeNumberField("throttled", c.throttled());
      g.writeNumberField("bytes_sent", c.bytesSent());
      g.writeNumberField("possible_duplicates", c.possibleDuplicates());
      g.writeNumberField("bulk_requests", c.bulkRequests());
      g.writeNumberField("peak_bytes_buffered", c.peakBytesBuffered());
      g.writeObjectFieldStart("bulk_latency_millis");
      g.writeNumberField("p50", c.latencyP50Millis());
      g.writeNumberField("p90", c.latencyP90Millis());
      g.writeNumberField("p99", c.latencyP99Millis());
      g.writeNumberField("max", c.latencyMaxMillis());
      g.writeEndObject();
      g.writeEndObject();
      if (c.possibleDuplicates() > 0) {
        g.writeStringField(
            "warning",
            c.possibleDuplicates()
                + " documents with generated ids were re-sent after an ambiguous failure and may"
                + " exist twice; set es.mapping.id to make retries exact.");
      }
      g.writeObjectFieldStart("config");
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(config).entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
