package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SluiceVersionTest {
  private static InputStream properties(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void isTheVersionOfTheBuild() {
    // Surefire passes the Maven project version (root pom), so this holds for every release.
    String built = System.getProperty("sluice.build.version");
    assertThat(built).as("sluice.build.version, set by the build").isNotBlank();
    assertThat(SluiceVersion.get()).isEqualTo(built);
  }

  @Test
  void readsTheVersionKey() throws IOException {
    assertThat(SluiceVersion.parse(properties("# written by the build\nversion = 1.2.3\n")))
        .isEqualTo("1.2.3");
  }

  @Test
  void anUnfilteredFileIsAnErrorNotAVersion() {
    assertThatThrownBy(() -> SluiceVersion.parse(properties("version=${project.version}\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dev/sluice/core/version.properties")
        .hasMessageContaining("did not filter");
  }

  @Test
  void aMissingFileOrKeyIsAnError() {
    assertThatThrownBy(() -> SluiceVersion.parse(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is missing");
    assertThatThrownBy(() -> SluiceVersion.parse(properties("other=1\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no version");
  }
}
