package dev.sluice.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * {@code flush()} on a Hadoop stream only empties the client's buffer. {@code hsync()} makes the
 * bytes durable on the datanodes' disks, so they survive a power loss as a flushed dead letter
 * must; where a stream cannot sync, {@code hflush()} at least makes them survive a crash of this
 * process.
 */
final class SyncOnFlush extends FilterOutputStream {
  private final FSDataOutputStream out;

  SyncOnFlush(FSDataOutputStream out) {
    super(out);
    this.out = out;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    if (out.hasCapability("hsync")) {
      out.hsync();
    } else if (out.hasCapability("hflush")) {
      out.hflush();
    } else {
      out.flush();
    }
  }
}
