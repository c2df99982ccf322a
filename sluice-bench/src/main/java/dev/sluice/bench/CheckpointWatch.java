package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Counts the progress-file writes into one local checkpoint directory while a load runs, from the
 * outside: every write of {@code partitions/part-NNNNN.json} goes through a fresh temporary file
 * {@code .part-NNNNN.json.<random>.tmp} renamed over it, so each creation of such a file is one
 * write. Then sizes the directory.
 */
final class CheckpointWatch implements AutoCloseable {
  private static final Duration SETTLE = Duration.ofMillis(200);

  /**
   * @param partitionWrites progress-file writes seen; -1 when the watcher lost events
   * @param files files in the directory at the end (manifest, progress files, finished marker)
   * @param bytes their total size
   */
  record Summary(long partitionWrites, long files, long bytes) {}

  private final Path directory;
  private final WatchService service;
  private final AtomicLong writes = new AtomicLong();
  private volatile boolean overflowed;
  private volatile boolean watching = true;
  private final Thread thread;

  private CheckpointWatch(Path directory, WatchService service) {
    this.directory = directory;
    this.service = service;
    this.thread = new Thread(this::watch, "bench-checkpoint-watch");
    this.thread.setDaemon(true);
  }

  /**
   * Creates {@code directory/partitions} (the store creates it on its first write otherwise, too
   * late to watch) and starts counting.
   */
  static CheckpointWatch start(Path directory) throws IOException {
    Path partitions = Files.createDirectories(directory.resolve("partitions"));
    WatchService service = FileSystems.getDefault().newWatchService();
    partitions.register(service, StandardWatchEventKinds.ENTRY_CREATE);
    CheckpointWatch watch = new CheckpointWatch(directory, service);
    watch.thread.start();
    return watch;
  }

  /** Stops counting, after the last events had time to arrive, and sizes the directory. */
  Summary finish() throws IOException, InterruptedException {
    Thread.sleep(SETTLE.toMillis());
    watching = false;
    thread.join(Duration.ofSeconds(5).toMillis());
    long files = 0;
    long bytes = 0;
    try (Stream<Path> all = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        files++;
        bytes += Files.size(file);
      }
    }
    return new Summary(overflowed ? -1 : writes.get(), files, bytes);
  }

  private void watch() {
    try {
      while (watching) {
        WatchKey key = service.poll(50, TimeUnit.MILLISECONDS);
        if (key == null) {
          continue;
        }
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            overflowed = true;
          } else if (isTemporaryProgressFile(event.context().toString())) {
            writes.incrementAndGet();
          }
        }
        key.reset();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      // closed before finish(): nothing left to count
    }
  }

  private static boolean isTemporaryProgressFile(String name) {
    return name.startsWith(".part-") && name.endsWith(".tmp");
  }

  @Override
  public void close() throws IOException {
    watching = false;
    service.close();
  }
}
