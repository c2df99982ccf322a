package dev.sluice.core.config;

import java.io.Serializable;
import java.util.Objects;

/** A credential. Its {@code toString()} never shows the value; call {@link #reveal()} to use it. */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String REDACTED = "<redacted>";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The clear value, for the one place that sends it (the HTTP transport). */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return REDACTED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
