package dev.sluice.core.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.ContentEncoder;
import org.apache.http.nio.IOControl;
import org.apache.http.nio.entity.HttpAsyncContentProducer;

/**
 * A request body made of several byte arrays, sent without joining them into one.
 *
 * <p>It is its own {@link HttpAsyncContentProducer}: otherwise the async client wraps it in an
 * {@code EntityAsyncContentProducer}, which reads 4 KiB through {@link #getContent()} per I/O
 * event, so a 5 MB bulk costs over a thousand reactor rounds and a stream per document line (the
 * benchmark measured that as the largest share of the loader's CPU). Here each round writes {@value
 * #WRITE_BUFFER}-byte slices until the socket is full.
 */
final class ChunkedEntity extends AbstractHttpEntity implements HttpAsyncContentProducer {
  static final ContentType NDJSON = ContentType.create("application/x-ndjson");
  static final int WRITE_BUFFER = 64 * 1024;

  private final List<byte[]> chunks;
  private final long length;

  // Producer position; touched only by the I/O reactor thread that sends this request.
  private ByteBuffer slice;
  private int chunk;
  private int offset;

  ChunkedEntity(List<byte[]> chunks, long length) {
    this.chunks = chunks;
    this.length = length;
    setContentType(NDJSON.toString());
  }

  @Override
  public boolean isRepeatable() {
    return true; // the client may resend the body to another node
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public InputStream getContent() {
    return new SequenceInputStream(
        Collections.enumeration(chunks.stream().map(ByteArrayInputStream::new).toList()));
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    for (byte[] chunk : chunks) {
      out.write(chunk);
    }
  }

  @Override
  public boolean isStreaming() {
    return false;
  }

  @Override
  public void produceContent(ContentEncoder encoder, IOControl ioControl) throws IOException {
    if (slice == null) {
      slice = ByteBuffer.allocate(WRITE_BUFFER).flip(); // empty, in read mode
    }
    while (true) {
      if (!slice.hasRemaining() && !fillSlice()) {
        encoder.complete();
        close();
        return;
      }
      encoder.write(slice);
      if (slice.hasRemaining()) {
        return; // the socket is full; the reactor calls again when it is writable
      }
    }
  }

  /** Starts over from the first byte: the client calls this before a resend and when done. */
  @Override
  public void close() {
    slice = null;
    chunk = 0;
    offset = 0;
  }

  private boolean fillSlice() {
    slice.clear();
    while (slice.hasRemaining() && chunk < chunks.size()) {
      byte[] bytes = chunks.get(chunk);
      int n = Math.min(slice.remaining(), bytes.length - offset);
      slice.put(bytes, offset, n);
      offset += n;
      if (offset == bytes.length) {
        chunk++;
        offset = 0;
      }
    }
    slice.flip();
    return slice.hasRemaining();
  }
}
