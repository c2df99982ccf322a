package dev.sluice.core.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.entity.ContentType;

/** A request body made of several byte arrays, sent without joining them into one. */
final class ChunkedEntity extends AbstractHttpEntity {
  static final ContentType NDJSON = ContentType.create("application/x-ndjson");

  private final List<byte[]> chunks;
  private final long length;

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
}
