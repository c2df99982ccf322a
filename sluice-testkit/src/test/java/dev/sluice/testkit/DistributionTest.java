package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionTest {
  @TempDir Path temp;

  private final Map<String, String> properties = new HashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();

  private Distribution distribution(Distribution.MavenFetcher fetcher) {
    properties.putIfAbsent("user.home", temp.resolve("home").toString());
    return new Distribution(properties::get, name -> null, fetcher);
  }

  @Test
  void findsTheZipInTheLocalRepositoryByCoordinates() throws Exception {
    Path repo = temp.resolve("repo");
    properties.put("maven.repo.local", repo.toString());
    Path zip = Distribution.pathIn(repo);
    Files.createDirectories(zip.getParent());
    Files.writeString(zip, "zip");
    assertThat(distribution(r -> fetches.incrementAndGet()).zip()).isEqualTo(zip);
    assertThat(zip.toString())
        .endsWith(
            "org/elasticsearch/distribution/integ-test-zip/elasticsearch/"
                + Distribution.VERSION
                + "/elasticsearch-"
                + Distribution.VERSION
                + ".zip");
    assertThat(fetches).hasValue(0);
  }

  @Test
  void asksMavenWhenTheZipIsMissingAndLooksAgain() throws Exception {
    Path repo = temp.resolve("repo");
    properties.put("maven.repo.local", repo.toString());
    Path zip = Distribution.pathIn(repo);
    Distribution distribution =
        distribution(
            localRepository -> {
              fetches.incrementAndGet();
              assertThat(localRepository).contains(repo);
              try {
                Files.createDirectories(zip.getParent());
                Files.writeString(zip, "zip");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(distribution.zip()).isEqualTo(zip);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void failsClearlyWhenMavenCouldNotFetchIt() {
    properties.put("maven.repo.local", temp.resolve("empty").toString());
    assertThatThrownBy(() -> distribution(r -> fetches.incrementAndGet()).zip())
        .isInstanceOf(ElasticsearchStartException.class)
        .hasMessageContaining(Distribution.COORDINATES)
        .hasMessageContaining(Distribution.ZIP_PROPERTY);
  }

  @Test
  void systemPropertyOverridesTheRepository() throws Exception {
    Path zip = Files.writeString(temp.resolve("es.zip"), "zip");
    properties.put(Distribution.ZIP_PROPERTY, zip.toString());
    assertThat(distribution(r -> fetches.incrementAndGet()).zip()).isEqualTo(zip);
  }

  @Test
  void readsLocalRepositoryFromSettingsIgnoringComments() {
    String settings =
        "<settings><!-- <localRepository>/wrong</localRepository> -->"
            + "<localRepository> ${user.home}/repo </localRepository></settings>";
    assertThat(Distribution.localRepositoryFromSettings(settings)).contains("${user.home}/repo");
    assertThat(Distribution.localRepositoryFromSettings("<settings/>")).isEqualTo(Optional.empty());
  }

  @Test
  void settingsLocalRepositoryIsUsedWhenNoPropertyIsSet() throws Exception {
    Path home = temp.resolve("home");
    Files.createDirectories(home.resolve(".m2"));
    Files.writeString(
        home.resolve(".m2/settings.xml"),
        "<settings><localRepository>${user.home}/elsewhere</localRepository></settings>");
    assertThat(distribution(r -> {}).localRepository()).isEqualTo(home.resolve("elsewhere"));
  }

  @Test
  void defaultsToDotM2() {
    assertThat(distribution(r -> {}).localRepository())
        .isEqualTo(temp.resolve("home").resolve(".m2").resolve("repository"));
  }
}
