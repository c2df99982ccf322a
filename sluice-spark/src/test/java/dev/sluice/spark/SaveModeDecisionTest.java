package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole table, mode × index state → action, as elasticsearch-hadoop decides it. */
class SaveModeDecisionTest {
  @ParameterizedTest(name = "{0} on {1} → {2}")
  @CsvSource({
    "Append,        MISSING,         WRITE",
    "Append,        EMPTY,           WRITE",
    "Append,        HOLDS_DOCUMENTS, WRITE",
    "ErrorIfExists, MISSING,         WRITE",
    "ErrorIfExists, EMPTY,           WRITE",
    "ErrorIfExists, HOLDS_DOCUMENTS, FAIL",
    "Ignore,        MISSING,         WRITE",
    "Ignore,        EMPTY,           WRITE",
    "Ignore,        HOLDS_DOCUMENTS, SKIP",
    "Overwrite,     MISSING,         WRITE",
    "Overwrite,     EMPTY,           WRITE",
    "Overwrite,     HOLDS_DOCUMENTS, DELETE_DOCUMENTS_THEN_WRITE",
  })
  void decides(SaveMode mode, SaveModeDecision.IndexState state, SaveModeDecision.Action action) {
    assertThat(SaveModeDecision.decide(mode, state)).isEqualTo(action);
  }
}
