package dev.sluice.core.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets by hand, in seconds since {@link #T0}. */
final class TestClock extends Clock {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private volatile Instant now = T0;

  TestClock at(double seconds) {
    now = T0.plusMillis(Math.round(seconds * 1000));
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
