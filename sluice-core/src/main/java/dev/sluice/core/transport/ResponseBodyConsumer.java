package dev.sluice.core.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
 * from the responses seen before ({@link SizeHint}) rather than grown from a few KiB each time: in
 * proportion to the request's body, since a response holds one item per document and the flow
 * changes batch sizes from one request to the next (sized from the last response alone, a larger
 * batch's response grew its buffer by copying, which the benchmark's profile showed as the
 * transport's largest allocation).
 */
final class ResponseBodyConsumer extends AbstractAsyncResponseConsumer<HttpResponse> {
  static final int LIMIT = 100 * 1024 * 1024;
  private static final int MIN_BUFFER = 8 * 1024;

  private final SizeHint hint;
  private final long requestBytes;
  private HttpResponse response;
  private HttpEntity enclosed;
  private ByteBuffer target; // wraps the body read so far: position = bytes read

  /**
   * @param requestBytes the request body's length, or -1 when it has none or it is not known
   */
  ResponseBodyConsumer(SizeHint hint, long requestBytes) {
    this.hint = hint;
    this.requestBytes = requestBytes;
  }

  /**
   * Consumers for the requests of one transport, which share its size hint.
   *
   * @param requestBytes the request body's length, or -1
   */
  static HttpAsyncResponseConsumerFactory factory(SizeHint hint, long requestBytes) {
    return () -> new ResponseBodyConsumer(hint, requestBytes);
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
    target = ByteBuffer.wrap(new byte[length >= 0 ? (int) length : hint.expected(requestBytes)]);
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
      hint.observe(requestBytes, size);
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

  /**
   * What the next response's buffer should hold, from the last response read: as many bytes per
   * request byte as it had, plus an eighth, so that the next one rarely grows; the last size plus
   * an eighth for a request of unknown length. Shared by a transport's I/O threads: a stale read
   * only makes one buffer grow.
   */
  static final class SizeHint {
    private volatile int lastSize;
    private volatile double perRequestByte; // 0 until a request with a body got a response

    int expected(long requestBytes) {
      double ratio = perRequestByte;
      long size = requestBytes > 0 && ratio > 0 ? (long) (requestBytes * ratio) : lastSize;
      size += size >> 3;
      if (requestBytes > 0) {
        // A bulk response is smaller than its request; one that was not (a long error for a tiny
        // body) must not make the next, larger request allocate many times its own size.
        size = Math.min(size, requestBytes);
      }
      return (int) Math.min(LIMIT, Math.max(MIN_BUFFER, size));
    }

    void observe(long requestBytes, int size) {
      lastSize = size;
      if (requestBytes > 0) {
        perRequestByte = (double) size / requestBytes;
      }
    }
  }
}
