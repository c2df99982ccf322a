package dev.sluice.core.config;

import dev.sluice.core.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads secret option values that point elsewhere, so the secret itself never sits in an option map
 * that Spark may display: {@code env:NAME} reads an environment variable, {@code file:/path} (or a
 * {@code file:///path} URI) reads a file, trailing whitespace dropped. Any other value is the
 * secret itself. Errors name the option and the variable or path, never a value.
 */
public final class SecretResolver {
  public static final String ENV_PREFIX = "env:";
  public static final String FILE_PREFIX = "file:";

  private final UnaryOperator<String> environment;

  private SecretResolver(UnaryOperator<String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Reads the real process environment. */
  public static SecretResolver system() {
    return new SecretResolver(System::getenv);
  }

  /**
   * Reads variables from {@code environment} (returns null when unset); for tests and embedders.
   */
  public static SecretResolver withEnvironment(UnaryOperator<String> environment) {
    return new SecretResolver(environment);
  }

  /** The secret that {@code raw}, the value given for {@code option}, stands for. */
  public String resolve(String option, String raw) {
    String value = raw.trim();
    if (value.startsWith(ENV_PREFIX)) {
      return fromEnvironment(option, value.substring(ENV_PREFIX.length()).trim());
    }
    if (value.startsWith(FILE_PREFIX)) {
      return fromFile(option, value);
    }
    return raw;
  }

  private String fromEnvironment(String option, String name) {
    if (name.isEmpty()) {
      throw new ConfigException(
          option, "Option " + option + " says env: but names no environment variable");
    }
    String found = environment.apply(name);
    if (found == null || found.isBlank()) {
      throw new ConfigException(
          option,
          "Option "
              + option
              + " refers to environment variable "
              + name
              + ", which is "
              + (found == null ? "not set" : "empty")
              + " in this JVM (on Spark: the driver)");
    }
    return found.strip();
  }

  private static String fromFile(String option, String value) {
    Path path;
    try {
      path =
          value.startsWith(FILE_PREFIX + "//")
              ? Path.of(URI.create(value))
              : Path.of(value.substring(FILE_PREFIX.length()).trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          option, "Option " + option + " refers to a file, but '" + value + "' is not a path", e);
    }
    String content;
    try {
      content = Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigException(
          option,
          "Option "
              + option
              + " refers to file "
              + path
              + ", which cannot be read ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
    if (content.isEmpty()) {
      throw new ConfigException(
          option, "Option " + option + " refers to file " + path + ", which is empty");
    }
    return content;
  }
}
