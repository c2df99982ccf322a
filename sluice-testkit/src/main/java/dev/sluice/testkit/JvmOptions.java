package dev.sluice.testkit;

import java.nio.file.Path;

/**
 * Rewrites the distribution's jvm.options for one node. The stock file writes gc.log and crash
 * files relative to the working directory, which is the shared (and, as root, read-only) home; each
 * node sends them to its own logs directory instead.
 */
final class JvmOptions {
  private JvmOptions() {}

  static String forNode(String stock, Path logs) {
    String gcLog = logs.resolve("gc.log").toString();
    String errorFile = logs.resolve("hs_err_pid%p.log").toString();
    return stock
            .replace("file=gc.log:", "file=" + gcLog + ":")
            .replace("-XX:ErrorFile=hs_err_pid%p.log", "-XX:ErrorFile=" + errorFile)
        + "\n-XX:HeapDumpPath="
        + logs
        + "\n";
  }
}
