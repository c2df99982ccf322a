package dev.sluice.core.report;

import dev.sluice.testkit.MutableClock;
import java.time.Instant;

/** A clock a test sets by hand, in seconds since {@link #T0}. */
final class TestClock extends MutableClock {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  TestClock() {
    super(T0);
  }

  TestClock at(double seconds) {
    set(T0.plusMillis(Math.round(seconds * 1000)));
    return this;
  }
}
