package dev.sluice.core.deadletter;

import dev.sluice.core.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;

/**
 * Dead letters as NDJSON in one owner-only file per writer, {@code <dir>/<writerId>.ndjson}. The
 * file is created on the first record only; records are written in batches of {@code batchSize} and
 * at flush/close.
 */
public final class NdjsonDeadLetterStore implements DeadLetterStore {
  private final Storage storage;
  private final String directory;
  private final String writerId;
  private final int batchSize;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int pendingRecords;
  private OutputStream out;
  private String location;

  public NdjsonDeadLetterStore(Storage storage, String directory, String writerId, int batchSize) {
    this.storage = storage;
    this.directory = directory;
    this.writerId = writerId;
    this.batchSize = batchSize;
  }

  @Override
  public void write(DeadLetterRecord record) throws IOException {
    DeadLetterCodec.writeLine(record, pending);
    if (++pendingRecords >= batchSize) {
      flush();
    }
  }

  @Override
  public void flush() throws IOException {
    if (pendingRecords == 0) {
      return;
    }
    if (out == null) {
      open();
    }
    pending.writeTo(out);
    out.flush();
    pending.reset();
    pendingRecords = 0;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      if (out != null) {
        out.close();
      }
    }
  }

  private void open() throws IOException {
    // A re-run of the same writer id must not overwrite the dead letters of the earlier run.
    for (int n = 0; ; n++) {
      String name = writerId + (n == 0 ? "" : "-" + n) + ".ndjson";
      String candidate = storage.child(directory, name);
      try {
        out = storage.createOwnerOnly(candidate);
        location = candidate;
        return;
      } catch (FileAlreadyExistsException e) {
        if (n > 1000) {
          throw e;
        }
      }
    }
  }
}
