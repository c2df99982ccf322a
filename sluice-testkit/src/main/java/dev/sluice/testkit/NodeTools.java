package dev.sluice.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the distribution's command-line tools (elasticsearch-keystore, -users, -service-tokens) for
 * one node, as the user that runs the node. Tool arguments may hold passwords: failures report the
 * tool and its output, never the command line.
 */
final class NodeTools {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path esHome;
  private final NodeDirectory node;
  private final Map<String, String> environment;
  private final RunAs runAs;

  NodeTools(Path esHome, NodeDirectory node, Map<String, String> environment, RunAs runAs) {
    this.esHome = esHome;
    this.node = node;
    this.environment = environment;
    this.runAs = runAs;
  }

  /** Runs {@code bin/<tool> args...}, feeding {@code stdin} if given; returns its output. */
  String run(String tool, String what, List<String> args, Optional<String> stdin) {
    List<String> command = new ArrayList<>();
    command.add(esHome.resolve("bin").resolve(tool).toString());
    command.addAll(args);
    try {
      Path output = Files.createTempFile(node.root(), "tool", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(runAs.command(environment, command))
                .directory(node.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        LocalElasticsearch.cleanEnvironment(builder.environment());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
          if (stdin.isPresent()) {
            in.write((stdin.get() + "\n").getBytes(StandardCharsets.UTF_8));
          }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          ProcessTree.stop(
              process.toHandle(), java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5));
          throw new ElasticsearchStartException(
              tool + " (" + what + ") did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.writeString(
            node.toolsLog(),
            "== " + tool + " " + what + " (exit " + process.exitValue() + ")\n" + text,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
        if (process.exitValue() != 0) {
          throw new ElasticsearchStartException(
              tool + " (" + what + ") failed with exit " + process.exitValue() + ":\n" + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot run " + tool + " (" + what + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ElasticsearchStartException("Interrupted while running " + tool, e);
    }
  }
}
