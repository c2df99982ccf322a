package dev.sluice.core.deadletter;

import dev.sluice.core.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;

/**
 * Dead letters as NDJSON in one owner-only file per writer, {@code <dir>/<writerId>.ndjson}. The
 * file is created on the first record only; records are written in batches of {@code batchSize} and
 * at flush/close. A flushed record must survive a crash (the engine counts it settled then): where
 * the store does not keep flushed bytes of an open file ({@link Storage#flushSurvivesCrash}, object
 * stores), every flush closes its file and the next one starts {@code <writerId>-<n>.ndjson}.
 */
public final class NdjsonDeadLetterStore implements DeadLetterStore {
  private final Storage storage;
  private final String directory;
  private final String writerId;
  private final int batchSize;
  private final boolean closeOnFlush;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int pendingRecords;
  private OutputStream out;
  private String location;
  private int suffix;

  public NdjsonDeadLetterStore(Storage storage, String directory, String writerId, int batchSize) {
    this.storage = storage;
    this.directory = directory;
    this.writerId = writerId;
    this.batchSize = batchSize;
    this.closeOnFlush = !storage.flushSurvivesCrash(directory);
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
    if (closeOnFlush) {
      out.close();
      out = null;
    }
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
    for (int tries = 0; ; tries++, suffix++) {
      String name = writerId + (suffix == 0 ? "" : "-" + suffix) + ".ndjson";
      String candidate = storage.child(directory, name);
      try {
        out = storage.createOwnerOnly(candidate);
        // Several files (one per flush): the report points at the directory, where they are.
        location = location == null ? candidate : directory;
        suffix++;
        return;
      } catch (FileAlreadyExistsException e) {
        if (tries > 1000) {
          throw e;
        }
      }
    }
  }
}
