package dev.sluice.core.config;

import dev.sluice.core.ConfigException;
import java.util.Locale;
import java.util.function.Function;

/**
 * One option: its name, its default (as text, parsed by the same rule as user input), what it
 * means, how it is parsed and validated, and whether it is a secret.
 *
 * @param defaultText null when the option has no default
 */
public record ConfigKey<T>(
    String name,
    String defaultText,
    String description,
    boolean secret,
    Function<String, T> parser) {

  public ConfigKey {
    name = name.toLowerCase(Locale.ROOT);
  }

  /** Parses a value, or throws ConfigException naming this option (and the value unless secret). */
  public T parse(String raw) {
    try {
      return parser.apply(raw.trim());
    } catch (RuntimeException e) {
      String shown = secret ? "" : " '" + UrlCredentials.redact(raw) + "'";
      String why =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : UrlCredentials.redact(e.getMessage());
      throw new ConfigException(name, "Invalid value" + shown + " for option " + name + ": " + why);
    }
  }

  /** The default, parsed; null when there is none. */
  public T parseDefault() {
    return defaultText == null ? null : parse(defaultText);
  }
}
