package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes a DataFrame through the Sluice connector and reads back the report it leaves. */
final class SparkLoad {
  private SparkLoad() {}

  /** Runs the load; returns the job report the connector wrote to {@code report}. */
  static JsonNode run(Dataset<Row> data, Map<String, String> options, Path report) {
    Map<String, String> all = new LinkedHashMap<>(options);
    all.put("sluice.report.path", report.toAbsolutePath().toString());
    try {
      Files.deleteIfExists(report);
      data.write().format("sluice").mode("append").options(all).save();
      return new ObjectMapper().readTree(report.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the load report " + report, e);
    }
  }
}
