package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WritersOrderTest {
  @Test
  void oddRoundsGoUpEvenRoundsComeDown() {
    assertThat(WritersPhase.inOrderOf(1)).containsExactly(1, 2, 4, 8, 16);
    assertThat(WritersPhase.inOrderOf(2)).containsExactly(16, 8, 4, 2, 1);
    assertThat(WritersPhase.inOrderOf(3)).containsExactly(1, 2, 4, 8, 16);
  }
}
