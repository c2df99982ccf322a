package dev.sluice.core.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Option and header names whose values are credentials, though no {@link ConfigKey} declares them
 * secret: {@code es.net.http.header.X-Api-Key}, {@code Cookie}, a password passed to the error
 * handler's client. Their values print as {@code <redacted>}.
 */
final class SecretNames {
  private static final Pattern SECRET =
      Pattern.compile("auth|token|key|secret|cookie|pass|credential|session");

  private SecretNames() {}

  static boolean looksSecret(String name) {
    return SECRET.matcher(name.toLowerCase(Locale.ROOT)).find();
  }
}
