package dev.sluice.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.RetryBudgetExhaustedException;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunEndingTest {
  @ParameterizedTest(name = "{0}, cancelled={1} -> {2}")
  @CsvSource(
      nullValues = "none",
      value = {
        "dev.sluice.core.DeadLetterToleranceException, false, STOPPED_BY_TOLERANCE",
        // One task over the tolerance makes Spark kill the others: still a tolerance stop.
        "dev.sluice.core.DeadLetterToleranceException, true,  STOPPED_BY_TOLERANCE",
        "dev.sluice.core.RetryBudgetExhaustedException, false, FAILED",
        "dev.sluice.core.ClusterFatalException,         false, FAILED",
        "java.lang.OutOfMemoryError,                    false, FAILED",
        "java.lang.InterruptedException,                false, CANCELLED",
        "java.util.concurrent.CancellationException,    false, CANCELLED",
        "none,                                          true,  CANCELLED",
        "none,                                          false, FAILED",
        "java.io.IOException,                           true,  CANCELLED",
      })
  void aRunThatDidNotFinishEndsAsItsCauseSays(
      String exceptionClass, boolean cancelled, RunEnding expected) {
    assertThat(RunEnding.ofFailure(exceptionClass, cancelled)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "none",
      value = {
        "none, FINISHED",
        "tolerance, STOPPED_BY_TOLERANCE",
        "budget, FAILED",
        "fatal, FAILED",
        "io, FAILED",
        "wrapped tolerance, STOPPED_BY_TOLERANCE",
        "wrapped cancel, CANCELLED",
      })
  void anExceptionAndItsCausesDecideHowARunEnded(String failure, RunEnding expected) {
    assertThat(RunEnding.of(failure(failure))).isEqualTo(expected);
  }

  private static Throwable failure(String name) {
    if (name == null) {
      return null;
    }
    return switch (name) {
      case "tolerance" -> new DeadLetterToleranceException("12 of 100 dead-lettered");
      case "budget" -> new RetryBudgetExhaustedException("retried for 5 minutes");
      case "fatal" -> new ClusterFatalException("401: check es.net.http.auth.user");
      case "io" -> new IOException("disk full");
      case "wrapped tolerance" ->
          new RuntimeException("task failed", new DeadLetterToleranceException("too many"));
      case "wrapped cancel" -> new IllegalStateException("stopped", new CancellationException());
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest
  @CsvSource({
    "FINISHED, finished, finished",
    "FAILED, failed, failed",
    "CANCELLED, cancelled, cancelled",
    "STOPPED_BY_TOLERANCE, stopped by tolerance, stopped_by_tolerance"
  })
  void eachEndingHasWordsAndAJsonValue(RunEnding ending, String label, String key) {
    assertThat(ending.label()).isEqualTo(label);
    assertThat(ending.key()).isEqualTo(key);
  }
}
