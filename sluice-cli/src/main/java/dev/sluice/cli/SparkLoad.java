package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.config.ConfigKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes a DataFrame through the Sluice connector and reads back the report it leaves. */
final class SparkLoad {
  private SparkLoad() {}

  /**
   * Runs the load; returns the job report the connector wrote to {@code report}. When the load
   * fails, the failure propagates; the report (how it ended) is then {@link #readIfThere}.
   */
  static JsonNode run(Dataset<Row> data, Map<String, String> options, Path report) {
    Map<String, String> all = new LinkedHashMap<>(options);
    all.put(ConfigKeys.REPORT_PATH.name(), report.toAbsolutePath().toString());
    try {
      Files.deleteIfExists(report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the load report " + report, e);
    }
    data.write().format("sluice").mode("append").options(all).save();
    return read(report);
  }

  /** How a report says its run went, e.g. "finished in 2.5 s (4000 docs/s)". */
  static String ending(JsonNode report) {
    return String.format(
        "%s in %.1f s (%.0f docs/s)",
        report.path("ended").asText().replace('_', ' '),
        report.path("elapsed_seconds").asDouble(),
        report.path("docs_per_second").asDouble());
  }

  static Optional<JsonNode> readIfThere(Path report) {
    return Files.isRegularFile(report) ? Optional.of(read(report)) : Optional.empty();
  }

  private static JsonNode read(Path report) {
    try {
      return new ObjectMapper().readTree(report.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the load report " + report, e);
    }
  }
}
