package dev.sluice.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded connector jar this build made keeps every rule of {@link JarAudit}. */
class ShadedJarContentsIT {
  @Test
  void keepsEveryRule() throws IOException {
    Path jar = InstallSettings.connectorJar();
    assertThat(JarAudit.problems(jar)).as("problems of %s", jar.getFileName()).isEmpty();
  }

  @Test
  void carriesTheEngineItsLibrariesRelocatedAndTheBuildsVersion() throws IOException {
    try (JarFile jar = new JarFile(InstallSettings.connectorJar().toFile())) {
      assertThat(jar.getEntry("dev/sluice/core/BulkLoader.class")).isNotNull();
      assertThat(
              jar.getEntry("dev/sluice/shaded/com/fasterxml/jackson/databind/ObjectMapper.class"))
          .isNotNull();
      assertThat(jar.getEntry("dev/sluice/shaded/org/elasticsearch/client/RestClient.class"))
          .isNotNull();
      Properties version = new Properties();
      try (InputStream in =
          jar.getInputStream(jar.getEntry("dev/sluice/core/version.properties"))) {
        version.load(in);
      }
      assertThat(version.getProperty("version"))
          .isEqualTo(InstallSettings.required("sluice.build.version"));
    }
  }
}
