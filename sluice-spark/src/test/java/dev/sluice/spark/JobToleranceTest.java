package dev.sluice.spark;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.deadletter.DeadLetterTolerance;
import dev.sluice.core.report.Counter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobToleranceTest {
  private static LoadCounters task(long indexed, long dead) {
    return LoadCounters.builder()
        .set(Counter.READ, indexed + dead)
        .set(Counter.INDEXED, indexed)
        .set(Counter.DEAD_LETTERED, dead)
        .deadLettered("mapper_parsing_exception", dead)
        .build();
  }

  /** The job's totals, summed over its tasks, against max.count, max.ratio and ratio.min.docs. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                       | tasks (indexed:dead ...) | maxCount | maxRatio | minDocs | exceeded
          all rejected, no task reaches minDocs        | 0:750 0:750              | -1       | 0.1      | 1000    | sluice.deadletter.max.ratio
          all rejected over many tiny tasks            | 0:100 0:100 0:100 0:800  | -1       | 0.1      | 1000    | sluice.deadletter.max.ratio
          all rejected, the whole job under minDocs    | 0:400 0:400              | -1       | 0.1      | 1000    | sluice.deadletter.max.ratio
          all of three rows rejected                   | 0:3                      | -1       | 0.1      | 1000    | sluice.deadletter.max.ratio
          all but one rejected, under minDocs          | 1:399 0:400              | -1       | 0.1      | 1000    | none
          all rejected, no ratio limit                 | 0:3                      | -1       | 1.0      | 1000    | none
          a tenth rejected is not above a tenth        | 900:100 900:100          | -1       | 0.1      | 1000    | none
          just over a tenth                            | 900:100 899:101          | -1       | 0.1      | 1000    | sluice.deadletter.max.ratio
          count limit summed over tasks                | 500:3 500:3              | 5        | 1.0      | 1000    | sluice.deadletter.max.count
          count limit reached, not exceeded            | 500:3 500:2              | 5        | 1.0      | 1000    | none
          count wins when both are exceeded            | 0:750 0:750              | 5        | 0.1      | 1000    | sluice.deadletter.max.count
          no limits                                    | 0:750 0:750              | -1       | 1.0      | 1000    | none
          nothing rejected                             | 1000:0 1000:0            | 0        | 0.0      | 1       | none
          """)
  void judgesTheSumOfEveryTasksCounts(
      String name, String tasks, long maxCount, double maxRatio, long minDocs, String exceeded) {
    LoadCounters totals = LoadCounters.empty();
    for (String t : tasks.split(" ")) {
      String[] counts = t.split(":");
      totals = totals.plus(task(Long.parseLong(counts[0]), Long.parseLong(counts[1])));
    }

    Optional<String> verdict =
        JobTolerance.verdict(new DeadLetterTolerance(maxCount, maxRatio, minDocs), totals, null);

    if (exceeded.equals("none")) {
      assertThat(verdict).isEmpty();
    } else {
      assertThat(verdict).get(as(STRING)).contains(exceeded + "=");
    }
  }

  @Test
  void theReasonGivesTheCountsTheOptionTheCommonestErrorAndWhatToDo() {
    Optional<String> verdict =
        JobTolerance.verdict(
            new DeadLetterTolerance(-1, 0.1, 1000), task(0, 750).plus(task(0, 750)), "/chk/orders");

    assertThat(verdict)
        .get(as(STRING))
        .contains("1500 of 1500 documents")
        .contains("sluice.deadletter.max.ratio=0.1")
        .contains("mapper_parsing_exception (1500)")
        .contains("/chk/orders is not marked finished")
        .contains("another sluice.checkpoint.path");
  }
}
