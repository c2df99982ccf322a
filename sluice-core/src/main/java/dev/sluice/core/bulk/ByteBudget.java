package dev.sluice.core.bulk;

import dev.sluice.core.SluiceException;

/**
 * Caps the document bytes a writer holds (buffered, parked, awaiting retry and in flight). {@link
 * #acquire} blocks until the bytes fit. A document larger than the whole cap is let in only when
 * nothing else is held, so it is sent alone instead of blocking forever.
 */
public final class ByteBudget {
  private final long cap;
  private final Runnable onWait;
  private long used;
  private long peak;
  private int waiters;
  private SluiceException failure;

  /**
   * @param onWait called when a caller starts waiting, so the loop can send a partial batch
   */
  public ByteBudget(long cap, Runnable onWait) {
    this.cap = cap;
    this.onWait = onWait;
  }

  public synchronized void acquire(long bytes) throws InterruptedException {
    while (failure == null && used > 0 && used + bytes > cap) {
      waiters++;
      try {
        onWait.run();
        wait(1000); // woken by release or failure; the timeout only re-checks
      } finally {
        waiters--;
      }
    }
    if (failure != null) {
      throw failure;
    }
    used += bytes;
    peak = Math.max(peak, used);
  }

  public synchronized void release(long bytes) {
    used -= bytes;
    notifyAll();
  }

  /** Wakes every waiter with this failure, now and for later calls. */
  public synchronized void fail(SluiceException e) {
    if (failure == null) {
      failure = e;
    }
    notifyAll();
  }

  public synchronized boolean hasWaiters() {
    return waiters > 0;
  }

  public synchronized long used() {
    return used;
  }

  /** The highest {@link #used()} ever seen: the gauge memory-cap tests read. */
  public synchronized long peak() {
    return peak;
  }
}
