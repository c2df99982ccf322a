package dev.sluice.core.bulk;

import dev.sluice.core.SluiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Caps the document bytes a writer holds (buffered, parked, awaiting retry and in flight). {@link
 * #acquire} blocks until the bytes fit. A document larger than the whole cap is let in only when
 * nothing else is held, so it is sent alone instead of blocking forever.
 *
 * <p>The caller acquires once per document, so bytes that fit take one compare-and-set and no lock;
 * only a caller that has to wait takes the monitor, and a release notifies only when someone waits.
 */
public final class ByteBudget {
  private volatile long cap; // moved by one owner only (MemoryRoom, on the writer loop)
  private final Runnable onWait;
  private final Clock clock;
  private final LongConsumer waitedNanos;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();
  private volatile int waiters; // written under the monitor, read by releases without it
  private volatile SluiceException failure;

  /**
   * @param onWait called when a caller starts waiting, so the loop can send a partial batch
   */
  public ByteBudget(long cap, Runnable onWait) {
    this(cap, onWait, Clock.systemUTC(), nanos -> {});
  }

  /**
   * @param clock times the waits (read only when a caller has to wait)
   * @param waitedNanos told how long each caller that had to wait waited
   */
  public ByteBudget(long cap, Runnable onWait, Clock clock, LongConsumer waitedNanos) {
    this.cap = cap;
    this.onWait = onWait;
    this.clock = clock;
    this.waitedNanos = waitedNanos;
  }

  public void acquire(long bytes) throws InterruptedException {
    if (tryAcquire(bytes)) {
      return;
    }
    Instant start = clock.instant();
    try {
      awaitRoom(bytes);
    } finally {
      waitedNanos.accept(Duration.between(start, clock.instant()).toNanos());
    }
  }

  private synchronized void awaitRoom(long bytes) throws InterruptedException {
    while (true) {
      waiters++;
      try {
        // Checked again after counting ourselves in: a release that saw no waiter made room
        // before this check, so the check sees it; a later one will notify.
        if (tryAcquire(bytes)) {
          return;
        }
        onWait.run();
        wait(1000); // woken by release or failure; the timeout only re-checks
      } finally {
        waiters--;
      }
    }
  }

  /**
   * Moves the cap. A raised cap lets waiting callers in; a lowered one takes nothing back, it only
   * keeps new bytes out until enough is released.
   */
  void limit(long newCap) {
    long before = cap;
    cap = newCap;
    if (newCap > before && waiters > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  long cap() {
    return cap;
  }

  public void release(long bytes) {
    used.addAndGet(-bytes);
    if (waiters > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Wakes every waiter with this failure, now and for later calls. */
  public synchronized void fail(SluiceException e) {
    if (failure == null) {
      failure = e;
    }
    notifyAll();
  }

  public boolean hasWaiters() {
    return waiters > 0;
  }

  public long used() {
    return used.get();
  }

  /** The highest {@link #used()} ever seen: the gauge memory-cap tests read. */
  public long peak() {
    return peak.get();
  }

  /** Takes the bytes if they fit; throws the failure once there is one. */
  private boolean tryAcquire(long bytes) {
    SluiceException stopped = failure;
    if (stopped != null) {
      throw stopped;
    }
    while (true) {
      long now = used.get();
      if (now > 0 && now + bytes > cap) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        if (now + bytes > peak.get()) {
          peak.accumulateAndGet(now + bytes, Math::max);
        }
        return true;
      }
    }
  }
}
