package dev.sluice.core;

/**
 * The cluster refused the load in a way retrying cannot fix: credentials (401), permissions (403),
 * a missing or closed index, a write block. The message names the index or the principal.
 */
public final class ClusterFatalException extends SluiceException {
  private static final long serialVersionUID = 1L;

  public ClusterFatalException(String message) {
    super(message);
  }

  public ClusterFatalException(String message, Throwable cause) {
    super(message, cause);
  }
}
