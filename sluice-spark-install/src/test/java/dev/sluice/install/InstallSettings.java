package dev.sluice.install;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the build tells these tests (failsafe's system properties in this module's pom). */
final class InstallSettings {
  private InstallSettings() {}

  static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property "
              + name
              + " is not set: run through Maven (mvn verify -pl"
              + " sluice-spark-install -am)");
    }
    return value;
  }

  /** The shaded connector jar under test, as a user downloads it. */
  static Path connectorJar() {
    Path jar = Path.of(required("sluice.connector.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No connector jar at " + jar);
    }
    return jar;
  }
}
