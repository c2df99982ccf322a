package dev.sluice.spark.differential;

import java.util.List;
import java.util.Map;

/**
 * What one connector left behind in one scenario, in canonical form: comparable between the two
 * connectors, and recorded as the golden expectation for the Spark 4 suite.
 *
 * @param outcomes per step, {@code success} or {@code failure}
 * @param messages per step, the failure's exception class and first line (empty on success); shown
 *     in diffs, never compared, since the two connectors word their errors differently
 * @param indices per index the scenario wrote, by its name less the side's prefix ({@code ""} for
 *     the scenario's own index, {@code --x} for a pattern's)
 */
record Snapshot(List<String> outcomes, List<String> messages, Map<String, IndexState> indices) {

  static final String SUCCESS = "success";
  static final String FAILURE = "failure";

  /**
   * @param count documents in the index
   * @param mapping field path to type, e.g. {@code address.city -> text}
   * @param docs sorted by id when ids are compared, else by source
   */
  record IndexState(long count, Map<String, String> mapping, List<Doc> docs) {}

  /**
   * @param id the document's id, or null when ids are not compared
   * @param routing its {@code _routing}, or null
   * @param version its {@code _version} when versions are compared, else null
   * @param source its {@code _source} in canonical JSON (keys sorted, numbers normalised)
   */
  record Doc(String id, String routing, Long version, String source) {}
}
