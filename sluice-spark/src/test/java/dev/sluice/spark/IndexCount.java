package dev.sluice.spark;

import dev.sluice.testkit.EsHandle;

/** Waits for documents to show in an index, as ITs that act mid-load need. */
final class IndexCount {
  private IndexCount() {}

  /** Waits (at most a minute) until {@code index} holds at least {@code docs} documents. */
  static void await(EsHandle es, String index, long docs) {
    for (int i = 0; i < 600; i++) {
      es.client().refresh(index);
      if (es.client().count(index) >= docs) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(docs + " documents never reached " + index);
  }
}
