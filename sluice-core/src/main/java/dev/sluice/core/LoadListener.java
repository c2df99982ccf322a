package dev.sluice.core;

/** Receives live counters and settled documents, on the loader's own thread. */
public interface LoadListener {
  /** Live counters, about once a second and at the end. */
  default void onProgress(LoadCounters snapshot) {}

  /**
   * A document's fate is settled: Elasticsearch acknowledged it, or it was dead-lettered and its
   * dead-letter record was flushed to the store. Called exactly once per document, never for a
   * retry, in no particular order (batches complete out of order). {@code seq} numbers the
   * documents from 0 in the order of the loader's {@code add} and {@code deadLetter} calls. Must be
   * quick and do no I/O: an exception thrown here fails the load.
   */
  default void onSettled(long seq, boolean deadLettered) {}

  LoadListener NONE = new LoadListener() {};
}
