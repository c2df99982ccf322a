package dev.sluice.cli;

import dev.sluice.core.SluiceVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code sluice --version}: the version the build wrote, not a literal of its own. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"sluice " + SluiceVersion.get()};
  }
}
