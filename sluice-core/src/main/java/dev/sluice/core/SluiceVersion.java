package dev.sluice.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Sluice, as the build wrote it into {@code dev/sluice/core/version.properties} (the
 * Maven project version, filtered in): the one source for {@code sluice --version}, the connector's
 * log line and checkpoint manifests.
 */
public final class SluiceVersion {
  static final String RESOURCE = "version.properties";

  private SluiceVersion() {}

  /** For example {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}. */
  public static String get() {
    return Loaded.VERSION;
  }

  /** Read on first use, so that a broken build fails where the version is asked for. */
  private static final class Loaded {
    static final String VERSION = load();
  }

  private static String load() {
    try (InputStream in = SluiceVersion.class.getResourceAsStream(RESOURCE)) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + where(), e);
    }
  }

  /** The version in the properties, or an error saying the build did not write it. */
  static String parse(InputStream in) throws IOException {
    if (in == null) {
      throw new IllegalStateException(where() + " is missing: this jar was not built by Maven");
    }
    Properties properties = new Properties();
    properties.load(in);
    String version = properties.getProperty("version", "").strip();
    if (version.isEmpty() || version.contains("${")) {
      throw new IllegalStateException(
          where() + " has no version (\"" + version + "\"): the build did not filter it");
    }
    return version;
  }

  private static String where() {
    return "dev/sluice/core/" + RESOURCE;
  }
}
