package dev.sluice.core.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.http.HttpEntity;
import org.apache.http.entity.AbstractHttpEntity;

/** A response body read whole by {@link ResponseBodyConsumer}; {@link #bytes()} is not a copy. */
final class ResponseBody extends AbstractHttpEntity {
  private final byte[] bytes;

  /**
   * @param received the entity as the response announced it: its content type and encoding are
   *     kept, so that the client still sees (and unpacks) a gzip-encoded body
   */
  ResponseBody(byte[] bytes, HttpEntity received) {
    this.bytes = bytes;
    setContentType(received.getContentType());
    setContentEncoding(received.getContentEncoding());
    setChunked(received.isChunked());
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public long getContentLength() {
    return bytes.length;
  }

  @Override
  public InputStream getContent() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  @Override
  public boolean isStreaming() {
    return false;
  }
}
