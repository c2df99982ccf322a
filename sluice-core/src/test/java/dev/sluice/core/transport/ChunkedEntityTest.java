package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.http.nio.ContentEncoder;
import org.junit.jupiter.api.Test;

/** The body goes out byte for byte however the socket takes it, and again in full on a resend. */
class ChunkedEntityTest {
  private static final int BUFFER = 1024;

  private final WriteBufferPool pool = new WriteBufferPool(BUFFER, 4);

  @Test
  void aBodyLargerThanTheBufferGoesOutInOrderThroughAFillingSocket() throws IOException {
    List<byte[]> chunks = chunks(300, 7);
    ChunkedEntity entity = new ChunkedEntity(chunks, length(chunks), pool);
    SocketEncoder socket = new SocketEncoder(333, 2);

    int rounds = sendAll(entity, socket);

    assertThat(socket.bytes()).isEqualTo(joined(chunks));
    assertThat(socket.completions).isEqualTo(1);
    assertThat(rounds).isGreaterThan(1); // the socket filled up: the body took several rounds
    assertThat(pool.spareCount()).isEqualTo(1); // the buffer went back once the body was out
  }

  @Test
  void aResendOnAnotherConnectionStartsOverEvenWhenTheFailedAttemptIsClosedLate()
      throws IOException {
    List<byte[]> chunks = chunks(400, 11);
    ChunkedEntity entity = new ChunkedEntity(chunks, length(chunks), pool);
    SocketEncoder failed = new SocketEncoder(500, 3);
    entity.produceContent(failed, null); // part of the body, then the connection fails
    SocketEncoder resend = new SocketEncoder(700, 2);
    entity.produceContent(resend, null); // the resend begins on another I/O thread...

    entity.close(); // ...before the client closes the failed attempt
    sendAll(entity, resend);

    assertThat(failed.bytes()).isNotEmpty();
    assertThat(resend.bytes()).isEqualTo(joined(chunks));
    assertThat(resend.completions).isEqualTo(1);
  }

  @Test
  void theSameEntityCanBeSentAgainAfterACompleteAttempt() throws IOException {
    List<byte[]> chunks = chunks(50, 13);
    ChunkedEntity entity = new ChunkedEntity(chunks, length(chunks), pool);
    SocketEncoder first = new SocketEncoder(BUFFER * 4, 100);
    sendAll(entity, first);
    entity.close();
    SocketEncoder second = new SocketEncoder(BUFFER * 4, 100);
    sendAll(entity, second);

    assertThat(first.bytes()).isEqualTo(joined(chunks));
    assertThat(second.bytes()).isEqualTo(joined(chunks));
  }

  @Test
  void theStreamAndWriteToViewsHoldTheSameBytes() throws IOException {
    List<byte[]> chunks = chunks(40, 17);
    ChunkedEntity entity = new ChunkedEntity(chunks, length(chunks), pool);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    entity.writeTo(written);

    assertThat(written.toByteArray()).isEqualTo(joined(chunks));
    assertThat(entity.getContent().readAllBytes()).isEqualTo(joined(chunks));
    assertThat(entity.getContentLength()).isEqualTo(joined(chunks).length);
    assertThat(entity.isRepeatable()).isTrue();
  }

  @Test
  void uncheckedSourcesGoOutOnOneLineWhereverTheBufferCutsThem() throws IOException {
    List<byte[]> chunks = chunks(600, 19);
    List<byte[]> given = chunks.stream().map(byte[]::clone).toList();
    BitSet unchecked = new BitSet();
    for (int i = 0; i < chunks.size(); i += 2) {
      unchecked.set(i);
    }
    BulkBody body = new BulkBody(chunks, unchecked);
    ChunkedEntity entity = new ChunkedEntity(body, length(chunks), pool);
    SocketEncoder socket = new SocketEncoder(333, 2);
    sendAll(entity, socket);

    byte[] expected = new byte[(int) length(chunks)];
    int at = 0;
    for (int i = 0; i < chunks.size(); i++) {
      for (byte b : chunks.get(i)) {
        expected[at++] = unchecked.get(i) && (b == '\n' || b == '\r') ? (byte) ' ' : b;
      }
    }
    assertThat(socket.bytes()).isEqualTo(expected);
    assertThat(joined(body)).isEqualTo(expected); // what a list reader of the body sees too
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    entity.writeTo(written);
    assertThat(written.toByteArray()).isEqualTo(expected);
    assertThat(entity.getContent().readAllBytes()).isEqualTo(expected);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i)).isEqualTo(given.get(i)); // the caller's bytes are not changed
    }
    assertThat(joined(chunks)).isNotEqualTo(expected); // there were line breaks to flatten
  }

  @Test
  void anEmptyBodyCompletesAtOnce() throws IOException {
    ChunkedEntity entity = new ChunkedEntity(List.of(), 0, pool);
    SocketEncoder socket = new SocketEncoder(10, 1);
    entity.produceContent(socket, null);

    assertThat(socket.bytes()).isEmpty();
    assertThat(socket.completions).isEqualTo(1);
  }

  /** Calls the producer as the reactor would, once per "writable" event, until it completes. */
  private static int sendAll(ChunkedEntity entity, SocketEncoder socket) throws IOException {
    int rounds = 0;
    while (!socket.isCompleted() && rounds < 100_000) {
      socket.drain();
      entity.produceContent(socket, null);
      rounds++;
    }
    return rounds;
  }

  /** Document-like chunks of 0 to 200 bytes, with single-byte newlines among them. */
  private static List<byte[]> chunks(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] chunk = new byte[i % 3 == 2 ? 1 : random.nextInt(201)];
      for (int b = 0; b < chunk.length; b++) {
        chunk[b] = (byte) random.nextInt(256);
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  private static long length(List<byte[]> chunks) {
    return chunks.stream().mapToLong(c -> c.length).sum();
  }

  private static byte[] joined(List<byte[]> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /**
   * A socket that takes at most {@code perWrite} bytes per write and {@code writesPerRound} writes
   * before it is full, until {@link #drain()} (the peer read some).
   */
  private static final class SocketEncoder implements ContentEncoder {
    private final int perWrite;
    private final int writesPerRound;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int writesLeft;
    private int completions;

    SocketEncoder(int perWrite, int writesPerRound) {
      this.perWrite = perWrite;
      this.writesPerRound = writesPerRound;
      this.writesLeft = writesPerRound;
    }

    void drain() {
      writesLeft = writesPerRound;
    }

    byte[] bytes() {
      return received.toByteArray();
    }

    @Override
    public int write(ByteBuffer src) {
      if (writesLeft == 0) {
        return 0;
      }
      writesLeft--;
      int n = Math.min(perWrite, src.remaining());
      for (int i = 0; i < n; i++) {
        received.write(src.get());
      }
      return n;
    }

    @Override
    public void complete() {
      completions++;
    }

    @Override
    public boolean isCompleted() {
      return completions > 0;
    }
  }
}
