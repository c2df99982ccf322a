package dev.sluice.cli;

import java.nio.file.Path;

/** Locations as a run records them: local paths absolute (a resume may start elsewhere). */
final class RunPaths {
  private RunPaths() {}

  /** A local path made absolute; URIs ({@code s3a://…}, {@code file:…}) as given. */
  static String absolute(String location) {
    boolean uri = location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
    return uri ? location : Path.of(location).toAbsolutePath().normalize().toString();
  }
}
