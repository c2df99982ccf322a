package dev.sluice.core.config;

import dev.sluice.core.ConfigException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's option map, validated once: every known key parsed (or defaulted), every other key
 * judged by {@link UnknownOptions} (refused, or warned about once per JVM).
 */
public final class ResolvedOptions {
  private final Map<String, String> given;
  private final SecretResolver secrets;
  private final Map<String, Object> values;
  private final Map<String, String> redacted;

  private ResolvedOptions(
      Map<String, String> given,
      SecretResolver secrets,
      Map<String, Object> values,
      Map<String, String> redacted) {
    this.given = given;
    this.secrets = secrets;
    this.values = values;
    this.redacted = redacted;
  }

  public static ResolvedOptions parse(Map<String, String> options) {
    return parse(options, SecretResolver.system());
  }

  /** Secret options given as {@code env:} or {@code file:} references are read through secrets. */
  public static ResolvedOptions parse(Map<String, String> options, SecretResolver secrets) {
    Map<String, String> given = lowerCaseKeys(options);
    Map<String, Object> values = new HashMap<>();
    Map<String, String> redacted = new TreeMap<>();
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      String raw = given.get(key.name());
      if (raw != null && key.secret()) {
        raw = secrets.resolve(key.name(), raw);
      }
      Object value = raw == null ? key.parseDefault() : key.parse(raw);
      if (value != null) {
        values.put(key.name(), value);
        redacted.put(
            key.name(),
            key.secret()
                ? Secret.REDACTED
                : raw == null ? key.defaultText() : UrlCredentials.redact(raw.trim()));
      }
    }
    given.forEach(
        (name, value) -> {
          if (ConfigKeys.BY_NAME.containsKey(name)) {
            return;
          }
          if (inFamily(name)) {
            // Read, checked and redacted by HeaderOptions / ErrorHandlerOptions.
            redacted.put(
                name,
                SecretNames.looksSecret(name)
                    ? Secret.REDACTED
                    : UrlCredentials.redact(value.trim()));
          } else {
            UnknownOptions.check(name, value);
          }
        });
    return new ResolvedOptions(Map.copyOf(given), secrets, values, redacted);
  }

  private static boolean inFamily(String name) {
    return name.startsWith(ConfigKeys.HEADER_PREFIX)
        || name.startsWith(ConfigKeys.ERROR_HANDLER_PREFIX);
  }

  /**
   * Shows {@code value} as the option's effective value, where a rule between options made it
   * differ from the one given or defaulted (es.http.timeout over Sluice's default timeouts, an
   * error handler chain over the dead-letter tolerance).
   */
  void showEffective(ConfigKey<?> key, Object value) {
    redacted.put(key.name(), key.secret() ? Secret.REDACTED : String.valueOf(value));
  }

  /** True when the user gave the option (a default does not count). */
  public boolean given(ConfigKey<?> key) {
    return given.containsKey(key.name());
  }

  /** The options given whose names start with {@code prefix}, as given (not parsed); sorted. */
  Map<String, String> family(String prefix) {
    Map<String, String> family = new TreeMap<>();
    given.forEach(
        (name, value) -> {
          if (name.startsWith(prefix)) {
            family.put(name, value);
          }
        });
    return family;
  }

  /** Every option given, keys in lower case, values as given. */
  Map<String, String> givenOptions() {
    return given;
  }

  SecretResolver secrets() {
    return secrets;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    return (T) values.get(key.name());
  }

  /** Effective values as text, secrets shown as {@code <redacted>}; sorted by key. */
  public Map<String, String> redacted() {
    return redacted;
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> options) {
    Map<String, String> lower = new HashMap<>();
    options.forEach(
        (k, v) -> {
          String name = k.trim().toLowerCase(Locale.ROOT);
          if (v != null && lower.put(name, v) != null) {
            throw new ConfigException(
                name, "Option " + name + " is given twice (keys ignore case)");
          }
        });
    return lower;
  }
}
