package dev.sluice.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What one load cost outside wall time: heap (sampled, so the peak is a real moment, not a sum of
 * per-pool peaks), this JVM's CPU, Elasticsearch's CPU, and GC. {@link #start} collects garbage
 * first so every load starts from the same floor.
 */
final class ResourceMeter {
  private static final long SAMPLE_MILLIS = 5;

  /**
   * @param heapAtStart heap used right after the GC that precedes the load
   * @param peakHeap highest heap used seen while loading (garbage not yet collected included)
   * @param poolPeakSum sum of the heap pools' own peaks: an upper bound of {@code peakHeap}
   */
  record Usage(
      long heapAtStart,
      long peakHeap,
      long poolPeakSum,
      long clientCpuNanos,
      long esCpuNanos,
      long gcCount,
      long gcMillis) {}

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ProcessHandle elasticsearch;
  private final AtomicLong peak = new AtomicLong();
  private volatile boolean sampling;
  private Thread sampler;
  private long heapAtStart;
  private long cpuAtStart;
  private long esCpuAtStart;
  private long gcCountAtStart;
  private long gcMillisAtStart;

  /**
   * @param elasticsearch the node's launcher process; its descendants' CPU counts too
   */
  ResourceMeter(ProcessHandle elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  void start() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    heapAtStart = memory.getHeapMemoryUsage().getUsed();
    peak.set(heapAtStart);
    cpuAtStart = processCpuNanos();
    esCpuAtStart = esCpuNanos();
    gcCountAtStart = gcCount();
    gcMillisAtStart = gcMillis();
    sampling = true;
    sampler = new Thread(this::sample, "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  Usage stop() throws InterruptedException {
    sampling = false;
    sampler.join(Duration.ofSeconds(5).toMillis());
    long poolPeaks = heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    return new Usage(
        heapAtStart,
        peak.get(),
        poolPeaks,
        processCpuNanos() - cpuAtStart,
        esCpuNanos() - esCpuAtStart,
        gcCount() - gcCountAtStart,
        gcMillis() - gcMillisAtStart);
  }

  private void sample() {
    while (sampling) {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Stream<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid());
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private long esCpuNanos() {
    return Stream.concat(Stream.of(elasticsearch), elasticsearch.descendants())
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }
}
