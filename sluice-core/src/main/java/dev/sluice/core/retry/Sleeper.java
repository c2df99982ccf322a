package dev.sluice.core.retry;

import java.time.Duration;

/** Waits. Injected so tests need not wait for real. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Real sleeping. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /**
   * Sleeps, or returns false at once if interrupted, with the interrupt flag set again so that the
   * caller's caller still sees it.
   */
  default boolean sleepRestoringInterrupt(Duration duration) {
    try {
      sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
