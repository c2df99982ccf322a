package dev.sluice.core.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.ContentTooLongException;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.ContentDecoder;
import org.apache.http.nio.IOControl;
import org.apache.http.nio.protocol.AbstractAsyncResponseConsumer;
import org.apache.http.protocol.HttpContext;
import org.elasticsearch.client.HttpAsyncResponseConsumerFactory;

/**
 * Reads a response body straight into the byte array the engine parses. The client's default
 * consumer buffers it in a growing buffer that callers then read as a stream into another growing
 * buffer and copy once more (three to four copies of each response, about 45 bytes per document for
 * a bulk response). Same limit as the default consumer: 100 MiB.
 *
 * <p>Elasticsearch streams bulk responses chunked, without a length, so the first buffer is sized
 * from the responses seen before ({@link SizeHint}) rather than grown from a few KiB each time.
 */
final class ResponseBodyConsumer extends AbstractAsyncResponseConsumer<HttpResponse> {
  static final int LIMIT = 100 * 1024 * 1024;
  private static final int MIN_BUFFER = 8 * 1024;

  private final SizeHint hint;
  private HttpResponse response;
  private HttpEntity enclosed;
  private ByteBuffer target; // wraps the body read so far: position = bytes read

  ResponseBodyConsumer(SizeHint hint) {
    this.hint = hint;
  }

  /** One factory per transport: its requests share the size hint. */
  static HttpAsyncResponseConsumerFactory factory() {
    SizeHint hint = new SizeHint();
    return () -> new ResponseBodyConsumer(hint);
  }

  @Override
  protected void onResponseReceived(HttpResponse received) {
    this.response = received;
  }

  @Override
  protected void onEntityEnclosed(HttpEntity entity, ContentType contentType) throws IOException {
    long length = entity.getContentLength();
    if (length > LIMIT) {
      throw tooLong(length);
    }
    enclosed = entity;
    target = ByteBuffer.wrap(new byte[length >= 0 ? (int) length : hint.expected()]);
  }

  @Override
  protected void onContentReceived(ContentDecoder decoder, IOControl ioControl) throws IOException {
    while (true) {
      if (!target.hasRemaining()) {
        grow();
      }
      if (decoder.read(target) <= 0) {
        return;
      }
    }
  }

  @Override
  protected HttpResponse buildResult(HttpContext context) {
    if (target != null) {
      int size = target.position();
      byte[] array = target.array();
      hint.observe(size);
      response.setEntity(
          new ResponseBody(size == array.length ? array : Arrays.copyOf(array, size), enclosed));
    }
    return response;
  }

  @Override
  protected void releaseResources() {
    response = null;
    enclosed = null;
    target = null;
  }

  private void grow() throws ContentTooLongException {
    int size = target.position();
    if (size >= LIMIT) {
      throw tooLong(size + 1L);
    }
    byte[] larger =
        Arrays.copyOf(target.array(), (int) Math.min(LIMIT, Math.max(MIN_BUFFER, 2L * size)));
    target = ByteBuffer.wrap(larger).position(size);
  }

  private static ContentTooLongException tooLong(long length) {
    return new ContentTooLongException(
        "entity content is too long [" + length + "] for the buffer limit [" + LIMIT + "]");
  }

  /** The size of the last body read, plus an eighth, so that the next one rarely grows. */
  static final class SizeHint {
    private final AtomicInteger last = new AtomicInteger();

    int expected() {
      int size = last.get();
      return Math.min(LIMIT, Math.max(MIN_BUFFER, size + (size >> 3)));
    }

    void observe(int size) {
      last.set(size);
    }
  }
}
