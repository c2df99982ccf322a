package dev.sluice.core.report;

import dev.sluice.core.config.ConfigKeys;

/** What the report and the summary say about rows merged by content-hash ids. */
final class MergedNote {
  private MergedNote() {}

  /** One sentence for {@code merged} rows, naming the options that keep every row. */
  static String text(long merged) {
    return merged
        + " rows were identical to a document already in the index (same content, so the same"
        + " content-hash id) and were merged into it instead of adding a document; set "
        + ConfigKeys.MAPPING_ID.name()
        + " to an id column, or "
        + ConfigKeys.ID_STRATEGY.name()
        + "=auto, to keep every row as its own document.";
  }
}
