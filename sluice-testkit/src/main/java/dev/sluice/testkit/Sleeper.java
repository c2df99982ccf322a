package dev.sluice.testkit;

import java.time.Duration;

/** Sleeping, injectable so that waits and delay faults can be tested without real time passing. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
