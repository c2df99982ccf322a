package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.ConfigException;
import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.RetryBudgetExhaustedException;
import dev.sluice.core.SluiceException;
import java.net.ConnectException;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureTest {
  /** As Spark delivers a task's failure to the driver: wrapped, with a stack trace in the text. */
  private static RuntimeException spark(Throwable cause) {
    return new RuntimeException(
        "Job aborted due to stage failure: Task 0 in stage 1.0 failed\n\tat org.apache.spark...",
        new RuntimeException("Writing job aborted", cause));
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            new DeadLetterToleranceException("7 dead letters exceed sluice.deadletter.max.count=5"),
            4,
            "stopped by the dead-letter tolerance: 7 dead letters exceed"
                + " sluice.deadletter.max.count=5"),
        Arguments.of(
            spark(new DeadLetterToleranceException("7 > 5")),
            4,
            "stopped by the dead-letter tolerance: 7 > 5"),
        Arguments.of(
            spark(new RetryBudgetExhaustedException("retry budget 10m spent")),
            4,
            "stopped by the retry budget: retry budget 10m spent"),
        Arguments.of(
            new UsageException("Input /x.json does not exist: check --input."),
            2,
            "Input /x.json does not exist: check --input."),
        Arguments.of(
            spark(new ConfigException("es.batch.size.entries", "Invalid value 'x'")),
            2,
            "Invalid value 'x'"),
        Arguments.of(
            spark(new ClusterFatalException("HTTP 401 for user bob on index orders")),
            2,
            "HTTP 401 for user bob on index orders"),
        Arguments.of(
            new UnreachableClusterException(
                "Cannot reach Elasticsearch at http://127.0.0.1:1", new ConnectException()),
            1,
            "Cannot reach Elasticsearch at http://127.0.0.1:1"),
        Arguments.of(spark(new CancellationException()), 130, "cancelled"),
        Arguments.of(spark(new InterruptedException()), 130, "cancelled"),
        // A cancel that the tolerance caused (Spark kills the other tasks) is the tolerance's.
        Arguments.of(
            spark(new CancellationException().initCause(new DeadLetterToleranceException("7 > 5"))),
            4,
            "stopped by the dead-letter tolerance: 7 > 5"),
        Arguments.of(
            new SluiceException("something else", new IllegalStateException("boom\nat x.y")),
            1,
            "IllegalStateException: boom"),
        Arguments.of(new NullPointerException(), 1, "NullPointerException"));
  }

  @ParameterizedTest
  @MethodSource("table")
  void exitCodeAndMessage(Throwable thrown, int code, String message) {
    assertThat(Failure.of(thrown)).isEqualTo(new Failure(code, message));
  }
}
