package dev.sluice.core.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Direct buffers that request bodies are copied into on their way to the socket, reused across
 * requests. A socket write from a heap buffer makes the JDK copy it into a direct buffer first;
 * writing from a direct one saves that second copy of every body byte. Direct memory is allocated
 * slowly and freed only by the garbage collector, so a transport keeps at most {@code capacity}
 * spare buffers rather than allocating one per request.
 */
final class WriteBufferPool {
  private final int bufferBytes;
  private final ArrayBlockingQueue<ByteBuffer> spare;

  WriteBufferPool(int bufferBytes, int capacity) {
    this.bufferBytes = bufferBytes;
    this.spare = new ArrayBlockingQueue<>(capacity);
  }

  /** A cleared buffer of {@link #bufferBytes()} bytes, spare or new. */
  ByteBuffer take() {
    ByteBuffer buffer = spare.poll();
    return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(bufferBytes);
  }

  /** Hands a buffer back once nothing reads it any more; dropped when enough are spare. */
  void give(ByteBuffer buffer) {
    spare.offer(buffer);
  }

  int bufferBytes() {
    return bufferBytes;
  }

  int spareCount() {
    return spare.size();
  }
}
