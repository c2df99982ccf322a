package dev.sluice.core.checkpoint;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@link PartitionProgress} files in the background, so that a writer never waits on
 * checkpoint I/O (a rename on HDFS, a PUT on an object store) and progress is still recorded while
 * the writer is blocked at the memory cap or draining its loader in {@code close()}. On every tick
 * of its {@link Ticker} it calls {@link PartitionProgress#persistIfDue}, which is cheap when no
 * write is due.
 */
public final class ProgressPersister {
  /** How often a watched partition is checked; well under any useful {@code every}. */
  public static final Duration DEFAULT_TICK = Duration.ofMillis(200);

  private static final ScheduledExecutorService SHARED = newExecutor();

  /** Runs a task repeatedly until cancelled: one background thread per JVM, or a test's hand. */
  @FunctionalInterface
  public interface Ticker {
    /** Starts calling {@code task} repeatedly; the returned handle stops it. */
    Runnable every(Runnable task);
  }

  private ProgressPersister() {}

  /** The JVM's checkpoint thread, ticking every {@code tick}. */
  public static Ticker background(Duration tick) {
    long millis = Math.max(1, tick.toMillis());
    return task -> {
      ScheduledFuture<?> f =
          SHARED.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    };
  }

  /** Starts writing {@code progress} when due; close the handle to stop. */
  public static Handle watch(PartitionProgress progress, Ticker ticker) {
    Handle handle = new Handle(progress);
    handle.stop = ticker.every(handle::tick);
    return handle;
  }

  /** One watched partition. */
  public static final class Handle implements AutoCloseable {
    private final PartitionProgress progress;
    private volatile Runnable stop;
    private volatile RuntimeException failure;

    private Handle(PartitionProgress progress) {
      this.progress = progress;
    }

    private void tick() {
      if (failure != null) {
        return;
      }
      try {
        progress.persistIfDue();
      } catch (RuntimeException e) {
        // Reported to the writer by check(): a load that cannot record progress must fail, not
        // carry on as if it could resume.
        failure = e;
      }
    }

    /**
     * @throws RuntimeException the error that stopped a background write, if one did
     */
    public void check() {
      RuntimeException e = failure;
      if (e != null) {
        throw e;
      }
    }

    /** Stops the background writes; a write under way finishes first. */
    @Override
    public void close() {
      Runnable s = stop;
      if (s != null) {
        s.run();
      }
      // PartitionProgress serialises writes, so one still running cannot overwrite a later one.
    }
  }

  private static ScheduledExecutorService newExecutor() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "sluice-checkpoint");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
