package dev.sluice.core.checkpoint;

import dev.sluice.core.SluiceException;

/**
 * A checkpoint file that cannot be trusted: not JSON, cut short, a checksum that does not match, a
 * format version this Sluice does not know. Never treated as empty. The message names the file and
 * says how to recover.
 */
public final class CheckpointCorruptException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final String path;

  CheckpointCorruptException(String path, String problem, String recovery, Throwable cause) {
    super("Checkpoint file " + path + " is unusable: " + problem + ". " + recovery, cause);
    this.path = path;
  }

  /** The file at fault. */
  public String path() {
    return path;
  }
}
