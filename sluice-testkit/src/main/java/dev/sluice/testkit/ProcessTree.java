package dev.sluice.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops one process and all its descendants: SIGTERM, then SIGKILL after a bounded wait. With
 * runuser the real server JVM is a grandchild, so the tree is collected before anything is
 * signalled (once a parent dies, its children are re-parented and no longer descendants).
 */
final class ProcessTree {
  private ProcessTree() {}

  /** Returns true when every process of the tree is gone. */
  static boolean stop(ProcessHandle root, Duration graceful, Duration forced) {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    if (awaitGone(tree, graceful)) {
      return true;
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return awaitGone(tree, forced);
  }

  private static boolean awaitGone(List<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle process : processes) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return processes.stream().noneMatch(ProcessHandle::isAlive);
      }
      try {
        process.onExit().get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        // onExit does not fail; treat it as still running and let the next check decide
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return processes.stream().noneMatch(ProcessHandle::isAlive);
  }
}
