package dev.sluice.testkit;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Function;

/**
 * Where distributions are unpacked and node directories live. System property {@value #PROPERTY}
 * wins, else {@code ~/.cache/sluice}. As root the node runs as another user who cannot enter /root,
 * so a configured directory that user cannot reach is replaced by {@value #ROOT_FALLBACK}.
 */
final class EsHomes {
  static final String PROPERTY = "sluice.es.home";
  static final String ROOT_FALLBACK = "/var/tmp/sluice-es";

  private EsHomes() {}

  static Path root(boolean runningAsRoot, Function<String, String> properties) {
    String configured = properties.apply(PROPERTY);
    if (runningAsRoot) {
      if (configured != null
          && !configured.isBlank()
          && RunAs.reachableByOthers(Paths.get(configured))) {
        return Paths.get(configured);
      }
      return Paths.get(ROOT_FALLBACK);
    }
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    return Paths.get(properties.apply("user.home"), ".cache", "sluice");
  }

  static Path root() {
    return root(RunAs.isRoot(), System::getProperty);
  }
}
