package dev.sluice.core;

/** Whether an earlier attempt of the same load may already have delivered a writer's documents. */
public enum Attempt {
  /** Nothing of this writer's input was sent before. */
  FIRST,
  /**
   * A resumed checkpoint or a retried task: any document may have been delivered already, so a
   * {@code create} that Elasticsearch refuses with a version conflict counts as already delivered,
   * not as a rejected document.
   */
  REPLAY
}
