package dev.sluice.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of the page's sample dead-letter tables, read from a report's samples. */
final class SampleRows {
  static final List<String> COLUMNS = List.of("position", "index", "id", "reason", "source");

  private SampleRows() {}

  /** Error type → its samples, each column → text ("" for none; a cut source ends in "…"). */
  static Map<String, List<Map<String, String>>> of(JsonNode samples) {
    Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
    samples
        .fields()
        .forEachRemaining(
            reason -> {
              List<Map<String, String>> rows = new ArrayList<>();
              for (JsonNode s : reason.getValue()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : COLUMNS) {
                  row.put(column, s.path(column).isNull() ? "" : s.path(column).asText());
                }
                if (s.path("source_truncated").asBoolean()) {
                  row.put("source", row.get("source") + " …");
                }
                rows.add(row);
              }
              out.put(reason.getKey(), rows);
            });
    return out;
  }
}
