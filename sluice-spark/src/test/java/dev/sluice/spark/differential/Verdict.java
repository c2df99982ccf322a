package dev.sluice.spark.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Judges one scenario's differences: a match passes, an expected difference passes when nothing
 * else differs, a pending scenario is reported as skipped while it differs and fails once it
 * matches, anything else fails with the diff.
 */
final class Verdict {
  private Verdict() {}

  static void judge(Scenario scenario, SnapshotDiff diff, String against) {
    judge(scenario, diff, against, ExpectedDifferences.EXPECTED, Pending.PENDING);
  }

  static void judge(
      Scenario scenario,
      SnapshotDiff diff,
      String against,
      Map<String, ExpectedDifferences.Expected> expectedDifferences,
      Map<String, String> pendingFeatures) {
    ExpectedDifferences.Expected expected = expectedDifferences.get(scenario.name());
    Set<Aspect> allowed = expected == null ? Set.of() : expected.aspects();
    SnapshotDiff unexplained = diff.without(allowed);
    String pending = pendingFeatures.get(scenario.name());
    String header = scenario.name() + " (sluice vs " + against + ")";
    if (!allowed.isEmpty()) {
      Set<Aspect> seen = EnumSet.noneOf(Aspect.class);
      seen.addAll(diff.aspects());
      seen.retainAll(allowed);
      System.out.println(
          header
              + ": expected difference "
              + (seen.isEmpty() ? "not seen" : seen)
              + " ("
              + expected.reason()
              + ")");
    }
    if (pending != null) {
      if (unexplained.isEmpty()) {
        fail(header + " now matches: remove it from Pending.PENDING (" + pending + ")");
      }
      System.out.println(header + ": PENDING " + pending + ", still differs:\n" + unexplained);
      Assumptions.abort("pending: " + pending + "\n" + unexplained);
    }
    if (!unexplained.isEmpty()) {
      fail(header + " differs:\n" + unexplained);
    }
    System.out.println(
        header + (allowed.isEmpty() ? ": matches" : ": matches but for the expected difference"));
  }
}
