package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Doubles are written as {@link Double#toString(double)} writes them, short decimals included. */
class JsonBufferDoubleTest {
  private final JsonBuffer out = new JsonBuffer(16);

  private String written(double value) {
    out.reset();
    out.writeDouble(value);
    return new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII);
  }

  private void check(double value) {
    assertThat(written(value)).as("%s", value).isEqualTo(Double.toString(value));
    assertThat(written(-value)).as("%s", -value).isEqualTo(Double.toString(-value));
  }

  /** Every value of up to three decimals below 1,000 and below 10^7 in steps, both signs. */
  @Test
  void shortDecimalsAreWrittenAsDoubleToStringWritesThem() {
    for (long n = 0; n < 1_000_000; n++) {
      check(n / 1000.0);
      check(n / 100.0);
      check(n / 10.0);
    }
    for (long n = 0; n < 10_000_000_000L; n += 29_989) {
      check(n / 1000.0);
      check(n / 100.0);
      check(n / 10.0);
      check(n);
    }
  }

  /** Near the ends of the short form's range, and values it must leave to the JDK. */
  @Test
  void theEdgesAndEverythingElseToo() {
    double[] edges = {
      0.0,
      1e-3,
      9.99e-4,
      1e7,
      9_999_999.999,
      1e7 - 1,
      0.1 + 0.2,
      1.0 / 3,
      Math.PI,
      1e-5,
      1e21,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.MIN_NORMAL,
      2.82879384806159E17,
      5e-324
    };
    for (double e : edges) {
      check(e);
      check(Math.nextUp(e));
      check(Math.nextDown(e));
    }
    assertThat(written(-0.0)).isEqualTo("-0.0");
    Random random = new Random(15);
    for (int n = 0; n < 1_000_000; n++) {
      check(random.nextDouble() * Math.pow(10, random.nextInt(14) - 4));
      check(Math.round(random.nextDouble() * 1e10) / Math.pow(10, random.nextInt(5)));
      check(Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE));
    }
  }
}
