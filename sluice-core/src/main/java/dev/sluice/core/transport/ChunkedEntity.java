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
 * benchmark measured that as the largest share of the loader's CPU). Here each round copies the
 * chunks into a pooled direct buffer (see {@link WriteBufferPool}) and writes it until the socket
 * is full.
 *
 * <p>The low-level client sends the same entity object again when it fails over to another node,
 * and it closes the failed attempt's producer on its own thread, possibly after the next attempt
 * began on another connection. So an attempt is recognised by its encoder (each HTTP message gets a
 * new one) and starts from the first byte; {@link #close()} rewinds nothing, and a late close
 * cannot corrupt the attempt that replaced it. {@link #produceContent} is synchronised because a
 * resend runs on another I/O thread than the attempt before it.
 */
final class ChunkedEntity extends AbstractHttpEntity implements HttpAsyncContentProducer {
  static final ContentType NDJSON = ContentType.create("application/x-ndjson");

  private final BulkBody chunks;
  private final long length;
  private final WriteBufferPool buffers;

  // The attempt being sent, and how far; guarded by this.
  private ContentEncoder attempt;
  private ByteBuffer slice; // in read mode: filled and not yet written
  private int chunk;
  private int offset;

  ChunkedEntity(List<byte[]> chunks, long length, WriteBufferPool buffers) {
    this.chunks = BulkBody.of(chunks);
    this.length = length;
    this.buffers = buffers;
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

  /** Used when the client compresses the body (it wraps this entity and reads it as a stream). */
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
  public synchronized void produceContent(ContentEncoder encoder, IOControl ioControl)
      throws IOException {
    if (encoder == attempt && slice == null) {
      encoder.complete(); // this attempt already sent every byte
      return;
    }
    if (encoder != attempt) {
      attempt = encoder;
      chunk = 0;
      offset = 0;
      if (slice == null) {
        slice = buffers.take();
      }
      slice.clear().flip(); // empty, in read mode
    }
    while (true) {
      if (!slice.hasRemaining() && !fillSlice()) {
        encoder.complete();
        buffers.give(slice);
        slice = null;
        return;
      }
      encoder.write(slice);
      if (slice.hasRemaining()) {
        return; // the socket is full; the reactor calls again when it is writable
      }
    }
  }

  /**
   * Nothing to undo: the next attempt starts over by itself. A buffer still held by an attempt that
   * failed midway stays with this entity for its next attempt, or goes with it to the collector.
   */
  @Override
  public void close() {}

  private boolean fillSlice() {
    slice.clear();
    int room = slice.remaining();
    while (room > 0 && chunk < chunks.size()) {
      byte[] bytes = chunks.raw(chunk);
      int n = Math.min(room, bytes.length - offset);
      int start = slice.position();
      slice.put(bytes, offset, n);
      if (chunks.unchecked(chunk)) {
        flattenCopied(bytes, offset, n, start);
      }
      room -= n;
      offset += n;
      if (offset == bytes.length) {
        chunk++;
        offset = 0;
      }
    }
    slice.flip();
    return slice.hasRemaining();
  }

  /**
   * Makes {@code bytes[from, from + n)}, just copied to {@code slice} at {@code at}, one line: the
   * check reads the bytes the copy has just brought into the cache.
   */
  private void flattenCopied(byte[] bytes, int from, int n, int at) {
    int end = from + n;
    for (int i = LineBreaks.first(bytes, from, end);
        i >= 0;
        i = LineBreaks.first(bytes, i + 1, end)) {
      slice.put(at + i - from, (byte) ' ');
    }
  }
}
