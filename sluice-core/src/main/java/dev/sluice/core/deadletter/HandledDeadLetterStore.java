package dev.sluice.core.deadletter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead-letter store with elasticsearch-hadoop's error handler chain run over it: every record
 * is written to the store first (nothing is lost, whatever a handler does), then, at every flush
 * (the writer flushes dead letters before it reports documents settled), handed to the handlers in
 * order; what the last one passes on fails the job, as elasticsearch-hadoop's implicit final {@code
 * fail} does. The chain never runs inside {@link #write}, so a failing chain never interrupts the
 * writer's counting of a dead letter.
 */
final class HandledDeadLetterStore implements DeadLetterStore {
  private final DeadLetterStore store;
  private final List<FailureHandler> chain;
  private final List<DeadLetterRecord> pending = new ArrayList<>();

  /**
   * @param chain the handlers in order, the final fail included
   */
  HandledDeadLetterStore(DeadLetterStore store, List<FailureHandler> chain) {
    this.store = store;
    this.chain = List.copyOf(chain);
  }

  @Override
  public void write(DeadLetterRecord record) throws IOException {
    store.write(record);
    pending.add(record);
  }

  /** Makes the records durable in the store, then runs the chain over them. */
  @Override
  public void flush() throws IOException {
    store.flush();
    List<DeadLetterRecord> left = List.copyOf(pending);
    pending.clear();
    for (FailureHandler handler : chain) {
      if (left.isEmpty()) {
        return;
      }
      left = handler.handle(left);
    }
  }

  @Override
  public String location() {
    return store.location();
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      try {
        store.close();
      } finally {
        for (FailureHandler handler : chain) {
          handler.close();
        }
      }
    }
  }
}
