package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRotationTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static List<Integer> picks(NodeRotation rotation, int n, Instant now) {
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      picked.add(rotation.pick(now));
    }
    return picked;
  }

  @Test
  void goesRoundRobin() {
    assertThat(picks(new NodeRotation(3), 7, T0)).containsExactly(0, 1, 2, 0, 1, 2, 0);
    assertThat(picks(new NodeRotation(1), 3, T0)).containsExactly(0, 0, 0);
  }

  @Test
  void passesOverAFailedNodeUntilItHasRestedOrSucceeded() {
    NodeRotation rotation = new NodeRotation(3);
    assertThat(rotation.pick(T0)).isZero();
    rotation.failed(0, T0);
    assertThat(picks(rotation, 4, T0.plusSeconds(1))).containsExactly(1, 2, 1, 2);
    assertThat(picks(rotation, 3, T0.plus(NodeRotation.REST))).containsExactly(0, 1, 2);
    rotation.failed(1, T0.plus(NodeRotation.REST));
    rotation.succeeded(1);
    assertThat(picks(rotation, 3, T0.plus(NodeRotation.REST))).containsExactly(0, 1, 2);
  }

  @Test
  void withEveryNodeFailedTakesTheOneThatFailedLongestAgo() {
    NodeRotation rotation = new NodeRotation(3);
    rotation.failed(2, T0);
    rotation.failed(0, T0.plusSeconds(1));
    rotation.failed(1, T0.plusSeconds(2));
    assertThat(rotation.pick(T0.plusSeconds(3))).isEqualTo(2);
    rotation.failed(2, T0.plusSeconds(3));
    assertThat(rotation.pick(T0.plusSeconds(4))).isZero();
  }
}
