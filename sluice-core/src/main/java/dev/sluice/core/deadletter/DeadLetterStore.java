package dev.sluice.core.deadletter;

import java.io.IOException;

/** Receives dead letters from one writer. Not thread-safe: the writer loop owns it. */
public interface DeadLetterStore extends AutoCloseable {

  void write(DeadLetterRecord record) throws IOException;

  /** Makes everything written so far durable. */
  void flush() throws IOException;

  /** Where the records are, or null if none was written. */
  String location();

  @Override
  void close() throws IOException;
}
