package dev.sluice.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Elasticsearch server zip in the local Maven repository, asking Maven to download it
 * when it is missing. Never builds download URLs itself: Maven's settings (mirrors, proxies) apply.
 */
final class Distribution {
  /** The one place the server version lives in code; keep equal to the parent pom's property. */
  static final String VERSION = "8.19.21";

  static final String GROUP = "org.elasticsearch.distribution.integ-test-zip";
  static final String ARTIFACT = "elasticsearch";
  static final String COORDINATES = GROUP + ":" + ARTIFACT + ":" + VERSION + ":zip";

  /** System property naming the zip directly, bypassing Maven. */
  static final String ZIP_PROPERTY = "sluice.es.zip";

  private static final Pattern LOCAL_REPOSITORY =
      Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>");

  private final Function<String, String> properties;
  private final Function<String, String> environment;
  private final MavenFetcher fetcher;

  /** Runs Maven to put the artifact into the local repository. */
  interface MavenFetcher {
    void fetch(Optional<Path> localRepository);
  }

  Distribution(
      Function<String, String> properties,
      Function<String, String> environment,
      MavenFetcher fetcher) {
    this.properties = properties;
    this.environment = environment;
    this.fetcher = fetcher;
  }

  static Distribution fromSystem() {
    return new Distribution(System::getProperty, System::getenv, Distribution::runMaven);
  }

  /** The zip's path; downloads it through Maven once if it is not in the local repository. */
  Path zip() {
    String override = properties.apply(ZIP_PROPERTY);
    if (override != null && !override.isBlank()) {
      Path zip = Paths.get(override);
      if (!Files.isRegularFile(zip)) {
        throw new ElasticsearchStartException(
            "System property " + ZIP_PROPERTY + " names " + zip + ", which is not a file");
      }
      return zip;
    }
    Path zip = pathIn(localRepository());
    if (!Files.isRegularFile(zip)) {
      fetcher.fetch(explicitLocalRepository());
      if (!Files.isRegularFile(zip)) {
        throw new ElasticsearchStartException(
            "Elasticsearch distribution "
                + COORDINATES
                + " is not at "
                + zip
                + " even after running Maven; run `mvn dependency:get -Dartifact="
                + COORDINATES
                + "` or set -D"
                + ZIP_PROPERTY
                + "=/path/to/elasticsearch-"
                + VERSION
                + ".zip");
      }
    }
    return zip;
  }

  static Path pathIn(Path repository) {
    return repository
        .resolve(GROUP.replace('.', '/'))
        .resolve(ARTIFACT)
        .resolve(VERSION)
        .resolve(ARTIFACT + "-" + VERSION + ".zip");
  }

  /** -Dmaven.repo.local, else {@code <localRepository>} in the user's settings, else ~/.m2. */
  Path localRepository() {
    return explicitLocalRepository()
        .or(this::settingsLocalRepository)
        .orElseGet(() -> userHome().resolve(".m2").resolve("repository"));
  }

  private Optional<Path> explicitLocalRepository() {
    String value = properties.apply("maven.repo.local");
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Paths.get(value));
  }

  private Optional<Path> settingsLocalRepository() {
    Path settings = userHome().resolve(".m2").resolve("settings.xml");
    if (!Files.isRegularFile(settings)) {
      return Optional.empty();
    }
    try {
      return localRepositoryFromSettings(Files.readString(settings, StandardCharsets.UTF_8))
          .map(this::expandUserHome);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<String> localRepositoryFromSettings(String settingsXml) {
    String withoutComments = settingsXml.replaceAll("(?s)<!--.*?-->", "");
    Matcher matcher = LOCAL_REPOSITORY.matcher(withoutComments);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private Path expandUserHome(String path) {
    String home = userHome().toString();
    return Paths.get(path.replace("${user.home}", home).replace("${env.HOME}", home));
  }

  private Path userHome() {
    String home = properties.apply("user.home");
    if (home == null) {
      home = environment.apply("HOME");
    }
    return Paths.get(home == null ? "." : home);
  }

  private static void runMaven(Optional<Path> localRepository) {
    List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "dependency:get"));
    command.add("-Dartifact=" + COORDINATES);
    localRepository.ifPresent(repo -> command.add("-Dmaven.repo.local=" + repo));
    try {
      Path output = Files.createTempFile("sluice-mvn-get", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new ElasticsearchStartException(
              "`" + String.join(" ", command) + "` did not finish within 15 minutes");
        }
        if (process.exitValue() != 0) {
          throw ElasticsearchStartException.commandFailed(
              command, process.exitValue(), "\n" + LogTail.lastLines(output, 40));
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot run Maven to download "
              + COORDINATES
              + " (is `mvn` on the PATH?): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ElasticsearchStartException("Interrupted while Maven downloaded " + COORDINATES, e);
    }
  }
}
