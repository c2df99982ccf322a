package dev.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One node's own directories: config (a copy of the distribution's, then rewritten), data, logs and
 * tmp. Giving each node its own lets several nodes share one unpacked distribution.
 */
final class NodeDirectory {
  private final Path root;

  NodeDirectory(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path config() {
    return root.resolve("config");
  }

  Path data() {
    return root.resolve("data");
  }

  Path logs() {
    return root.resolve("logs");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  /** Where the node's stdout and stderr go; has startup errors logged before log4j is up. */
  Path console() {
    return logs().resolve("console.log");
  }

  Path toolsLog() {
    return root.resolve("tools.log");
  }

  /**
   * Creates the layout with a fresh config copied from {@code esHome}; data is kept if present. The
   * config is always replaced so a re-used directory never carries an old keystore or users.
   */
  void prepare(Path esHome, String elasticsearchYml) {
    try {
      Files.createDirectories(root);
      DistributionInstaller.deleteRecursively(config());
      DistributionInstaller.deleteRecursively(tmp());
      Files.createDirectories(data());
      Files.createDirectories(logs());
      Files.createDirectories(tmp());
      copyTree(esHome.resolve("config"), config());
      Files.writeString(config().resolve("elasticsearch.yml"), elasticsearchYml);
      Path jvmOptions = config().resolve("jvm.options");
      Files.writeString(
          jvmOptions,
          JvmOptions.forNode(Files.readString(jvmOptions, StandardCharsets.UTF_8), logs()));
      Files.createDirectories(config().resolve("jvm.options.d"));
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot prepare node directory " + root + ": " + e.getMessage(), e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      walk.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
