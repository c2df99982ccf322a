package dev.sluice.install.samples;

import java.util.List;

/** Bytes for {@code JarAuditTest}: a class that needs nothing but the JDK. */
public final class UsesOnlyJdk {
  private UsesOnlyJdk() {}

  public static int size(List<String> values) {
    return values.size();
  }
}
