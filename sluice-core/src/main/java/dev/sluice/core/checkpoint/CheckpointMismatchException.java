package dev.sluice.core.checkpoint;

import dev.sluice.core.SluiceException;

/**
 * The checkpoint belongs to another job (another index, id strategy, input or output options).
 * Resuming it would skip rows this job never wrote.
 */
public final class CheckpointMismatchException extends SluiceException {
  private static final long serialVersionUID = 1L;

  CheckpointMismatchException(String message) {
    super(message);
  }
}
