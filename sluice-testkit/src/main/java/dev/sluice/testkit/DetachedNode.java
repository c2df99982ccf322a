package dev.sluice.testkit;

import java.time.Duration;
import java.util.Optional;

/** Finds and stops a detached node recorded in a {@link DetachedState}, from any process. */
final class DetachedNode {
  private DetachedNode() {}

  /**
   * The node's process, if the recorded pid is alive and still is that Elasticsearch: same start
   * time and a command line that mentions elasticsearch. A re-used pid is never returned.
   */
  static Optional<ProcessHandle> find(DetachedState state) {
    return ProcessHandle.of(state.pid())
        .filter(ProcessHandle::isAlive)
        .filter(handle -> sameStart(state, handle))
        .filter(DetachedNode::isElasticsearch);
  }

  static boolean stop(ProcessHandle handle) {
    return ProcessTree.stop(handle, Duration.ofSeconds(60), Duration.ofSeconds(15));
  }

  private static boolean sameStart(DetachedState state, ProcessHandle handle) {
    if (state.startedAt().isEmpty()) {
      return true;
    }
    return handle.info().startInstant().map(state.startedAt().get()::equals).orElse(true);
  }

  private static boolean isElasticsearch(ProcessHandle handle) {
    ProcessHandle.Info info = handle.info();
    String commandLine =
        info.commandLine()
            .orElseGet(
                () ->
                    info.command().orElse("")
                        + " "
                        + String.join(" ", info.arguments().orElse(new String[0])));
    return commandLine.contains("elasticsearch");
  }
}
