package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class JainIndexTest {
  @Test
  void isOneWhenEqualAndOneOverNWhenOneWriterHasItAll() {
    assertThat(ManyWriters.jain(new double[] {5, 5, 5, 5})).isEqualTo(1.0);
    assertThat(ManyWriters.jain(new double[] {8, 0, 0, 0})).isEqualTo(0.25);
    // (1 + 3)^2 / (2 * (1 + 9)) = 0.8
    assertThat(ManyWriters.jain(new double[] {1, 3})).isCloseTo(0.8, offset(1e-12));
    assertThat(ManyWriters.jain(new double[] {0, 0})).isZero();
  }
}
