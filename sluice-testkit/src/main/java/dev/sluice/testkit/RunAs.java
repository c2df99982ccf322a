package dev.sluice.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who runs Elasticsearch. Elasticsearch refuses to run as root, so when this JVM is root the node
 * and its tools run as a system user ({@value #SYSTEM_USER}) through {@code runuser}; otherwise
 * they run as the current user.
 */
final class RunAs {
  static final String SYSTEM_USER = "sluice-es";
  private static final Path RUNUSER = Paths.get("/usr/sbin/runuser");
  private static final Path RUNUSER_ALT = Paths.get("/sbin/runuser");

  private static volatile Boolean root;

  private final boolean asSystemUser;

  private RunAs(boolean asSystemUser) {
    this.asSystemUser = asSystemUser;
  }

  /** For the current process: root switches to the system user, creating it if missing. */
  static RunAs forCurrentUser() {
    if (!isRoot()) {
      return new RunAs(false);
    }
    ensureSystemUser();
    return new RunAs(true);
  }

  boolean switchesUser() {
    return asSystemUser;
  }

  static boolean isRoot() {
    Boolean cached = root;
    if (cached == null) {
      cached = "0".equals(run(List.of("id", "-u")).trim());
      root = cached;
    }
    return cached;
  }

  /**
   * The command line that runs {@code command} with {@code environment} as the right user. The
   * variables are passed through {@code env} as well, because runuser may reset some of them.
   */
  List<String> command(Map<String, String> environment, List<String> command) {
    List<String> full = new ArrayList<>();
    if (asSystemUser) {
      full.add(runuser().toString());
      full.add("-u");
      full.add(SYSTEM_USER);
      full.add("--");
      full.add("env");
      environment.forEach((key, value) -> full.add(key + "=" + value));
    }
    full.addAll(command);
    return full;
  }

  /** Makes {@code directory} and everything below it owned by the user that runs the node. */
  void chown(Path directory) {
    if (!asSystemUser) {
      return;
    }
    try {
      UserPrincipal owner =
          directory
              .getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(SYSTEM_USER);
      try (Stream<Path> walk = Files.walk(directory)) {
        for (Path path : (Iterable<Path>) walk::iterator) {
          Files.setOwner(path, owner);
        }
      }
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot give " + directory + " to user " + SYSTEM_USER + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a user other than the owner can reach {@code path}: every existing directory on the way
   * must be executable by others (/root, mode 700, is not).
   */
  static boolean reachableByOthers(Path path) {
    for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        if (Files.isDirectory(p)
            && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return true;
  }

  private static Path runuser() {
    if (Files.isExecutable(RUNUSER)) {
      return RUNUSER;
    }
    if (Files.isExecutable(RUNUSER_ALT)) {
      return RUNUSER_ALT;
    }
    throw new ElasticsearchStartException(
        "Running as root, Elasticsearch must run as another user, but `runuser` (util-linux) is not"
            + " installed; install util-linux or run the tests as a non-root user");
  }

  private static synchronized void ensureSystemUser() {
    if (userExists()) {
      return;
    }
    List<String> useradd =
        List.of(
            "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER);
    try {
      run(useradd);
    } catch (ElasticsearchStartException e) {
      if (!userExists()) { // another JVM may have created it at the same moment
        throw new ElasticsearchStartException(
            "Running as root, Elasticsearch must run as user "
                + SYSTEM_USER
                + ", which does not exist and could not be created: "
                + e.getMessage(),
            e);
      }
    }
  }

  private static boolean userExists() {
    try {
      run(List.of("id", "-u", SYSTEM_USER));
      return true;
    } catch (ElasticsearchStartException e) {
      return false;
    }
  }

  /** Runs a short system command and returns its output; fails on a non-zero exit. */
  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output;
      try (var in = process.getInputStream()) {
        output = in.readAllBytes();
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ElasticsearchStartException("`" + String.join(" ", command) + "` hung");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw ElasticsearchStartException.commandFailed(command, process.exitValue(), " " + text);
      }
      return text;
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot run `" + String.join(" ", command) + "`: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ElasticsearchStartException(
          "Interrupted while running `" + String.join(" ", command) + "`", e);
    }
  }
}
