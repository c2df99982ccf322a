package dev.sluice.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What one load cost outside wall time: heap (its peak is a real moment, not a sum of per-pool
 * peaks), this JVM's CPU, Elasticsearch's CPU, and GC. {@link #start} collects garbage first so
 * every load starts from the same floor.
 *
 * <p>The heap only grows between collections, so its peaks are the heap used just before each
 * collection, which the collectors report; a sampler every {@value #SAMPLE_MILLIS} ms adds what
 * they do not (G1 frees empty regions in concurrent cycles, unreported). It used to sample every 5
 * ms, and that thread alone then took 0.3 to 0.6 s of CPU per load, 10% of what the benchmark
 * reported as the loaders' own CPU, on a machine whose two cores Elasticsearch also needs.
 */
final class ResourceMeter {
  private static final long SAMPLE_MILLIS = 50;

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
  private volatile Map<String, Long> collectionsAtStart = Map.of();
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
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this::onCollection, null, null);
      }
    }
  }

  void start() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    heapAtStart = memory.getHeapMemoryUsage().getUsed();
    peak.set(heapAtStart);
    cpuAtStart = processCpuNanos();
    esCpuAtStart = esCpuNanos();
    gcCountAtStart = gcCount();
    collectionsAtStart =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .collect(
                Collectors.toMap(
                    GarbageCollectorMXBean::getName, GarbageCollectorMXBean::getCollectionCount));
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

  private void onCollection(Notification notification, Object handback) {
    if (!sampling
        || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
            notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo collection =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    Long countAtStart = collectionsAtStart.get(collection.getGcName());
    GcInfo info = collection.getGcInfo();
    if (countAtStart == null || info.getId() <= countAtStart) {
      return; // reported late: the collection ran before this load (start() collects first)
    }
    long before =
        heapPools()
            .map(MemoryPoolMXBean::getName)
            .map(info.getMemoryUsageBeforeGc()::get)
            .filter(java.util.Objects::nonNull)
            .mapToLong(MemoryUsage::getUsed)
            .sum();
    peak.accumulateAndGet(before, Math::max);
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
    return treeCpuNanos(elasticsearch);
  }

  /** CPU time of a process and all its descendants. */
  static long treeCpuNanos(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
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
