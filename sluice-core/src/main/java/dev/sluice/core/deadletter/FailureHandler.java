package dev.sluice.core.deadletter;

import java.io.IOException;
import java.util.List;

/**
 * One link of the error handler chain ({@code es.write.rest.error.handlers}) run over dead letters
 * already in the store. Not thread-safe: the writer loop owns it.
 */
interface FailureHandler extends AutoCloseable {

  /**
   * Acts on the records; returns those passed on to the next handler.
   *
   * @throws dev.sluice.core.DeadLetterToleranceException when the job must fail
   */
  List<DeadLetterRecord> handle(List<DeadLetterRecord> records) throws IOException;

  @Override
  default void close() throws IOException {}
}
