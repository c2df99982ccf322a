package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads whose names start with a prefix, from a start mark: what the
 * benchmark's own fault proxy spends in the bench JVM, apart from the writers. Threads that end
 * before {@link #seconds} are not counted (the proxy's pool keeps its threads for a minute).
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String prefix;
  private final Map<Long, Long> atStart;

  private ThreadCpu(String prefix) {
    this.prefix = prefix;
    this.atStart = sample(prefix);
  }

  static ThreadCpu mark(String prefix) {
    return new ThreadCpu(prefix);
  }

  double seconds() {
    long nanos = 0;
    for (Map.Entry<Long, Long> now : sample(prefix).entrySet()) {
      nanos += now.getValue() - atStart.getOrDefault(now.getKey(), 0L);
    }
    return nanos / 1e9;
  }

  private static Map<Long, Long> sample(String prefix) {
    Map<Long, Long> cpu = new HashMap<>();
    if (!THREADS.isThreadCpuTimeSupported()) {
      return cpu;
    }
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(prefix)) {
        long nanos = THREADS.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }
}
