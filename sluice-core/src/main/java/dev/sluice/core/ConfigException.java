package dev.sluice.core;

/** A bad option. The message names the option and, unless it is a secret, the bad value. */
public final class ConfigException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final String option;

  public ConfigException(String option, String message) {
    super(message);
    this.option = option;
  }

  public ConfigException(String option, String message, Throwable cause) {
    super(message, cause);
    this.option = option;
  }

  /** The option at fault, lower case, as the user can write it. */
  public String option() {
    return option;
  }
}
