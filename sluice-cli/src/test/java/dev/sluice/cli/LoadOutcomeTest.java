package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadOutcomeTest {
  @ParameterizedTest(name = "ended={0} dead={1} failure={2} cancelled={3} -> {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        "finished,             0, null, false, 0",
        "finished,             3, null, false, 3",
        "stopped_by_tolerance, 3, null, false, 4",
        "stopped_by_tolerance, 3, 4,    false, 4",
        "null,                 0, 4,    false, 4",
        "failed,               0, 1,    false, 1",
        "failed,               0, 2,    false, 2",
        "failed,               0, null, false, 1",
        "cancelled,            0, 1,    false, 130",
        "failed,               5, 1,    true,  130",
        "null,                 0, 2,    false, 2",
      })
  void exitCode(String ended, long deadLetters, Integer failureCode, boolean cancelled, int code) {
    Failure failure = failureCode == null ? null : new Failure(failureCode, "why");
    assertThat(LoadOutcome.exitCode(ended, deadLetters, failure, cancelled)).isEqualTo(code);
  }
}
