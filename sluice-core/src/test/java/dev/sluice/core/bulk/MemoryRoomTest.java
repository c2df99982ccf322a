package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Attempt;
import dev.sluice.core.Document;
import dev.sluice.core.LoadListener;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.core.transport.BulkTransport;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default memory cap follows the requests a writer has in flight: a writer waiting for its turn
 * (the job's permits taken by other writers) holds one batch, not a cap sized for requests it
 * cannot send.
 */
@Timeout(60)
class MemoryRoomTest {
  private static final int KB = 1024;

  @TempDir Path deadLetters;

  private final ExecutorService responder = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopResponder() throws InterruptedException {
    responder.shutdownNow();
    responder.awaitTermination(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0} in flight, batch {1}, at most {2}: {3}")
  @CsvSource({
    // requests in flight, batch bytes, max, cap
    "0, 8192, 32768, 8192",
    "1, 8192, 32768, 16384",
    "2, 8192, 32768, 24576",
    "3, 8192, 32768, 32768",
    "5, 8192, 32768, 32768", // never above the most the writer may hold
    "3, 5242880, 20971520, 20971520", // the defaults: 5mb x (3 + 1)
  })
  void theCapIsABatchPerRequestInFlightAndOneMore(
      int requests, long batchBytes, long max, long cap) {
    assertThat(MemoryRoom.capFor(requests, batchBytes, max)).isEqualTo(cap);
    ByteBudget budget = new ByteBudget(max, () -> {});
    new MemoryRoom(budget, batchBytes, max, true).inFlight(requests);
    assertThat(budget.cap()).isEqualTo(cap);
  }

  @Test
  void aCapTheUserSetStaysAsSet() {
    ByteBudget budget = new ByteBudget(64 * KB, () -> {});
    MemoryRoom room = new MemoryRoom(budget, 8 * KB, 64 * KB, false);
    for (int requests : new int[] {0, 1, 3, 0}) {
      room.inFlight(requests);
      assertThat(budget.cap()).isEqualTo(64 * KB);
    }
  }

  @Test
  void aRaisedCapLetsAWaitingCallerInAndALoweredOneTakesNothingBack() throws Exception {
    ByteBudget budget = new ByteBudget(100, () -> {});
    budget.acquire(80);
    CountDownLatch in = new CountDownLatch(1);
    Thread caller =
        new Thread(
            () -> {
              try {
                budget.acquire(40);
                in.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    caller.start();
    awaitWaiting(budget);
    assertThat(in.getCount()).isEqualTo(1);
    budget.limit(200);
    assertThat(in.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(budget.used()).isEqualTo(120);

    budget.limit(100); // below what is held: nothing is taken back, nothing more gets in
    assertThat(budget.used()).isEqualTo(120);
    budget.release(60);
    budget.acquire(30); // 60 + 30 fits under 100 again
    assertThat(budget.used()).isEqualTo(90);
  }

  /**
   * Writer A's request hangs and holds the job's permit (a job starts at one request in flight, and
   * grows only on answers); writer B, of the same job, can send nothing, and holds one batch (with
   * the fixed cap of four batches it took all three batches' worth of its documents). Both end
   * exact once the node answers.
   */
  @Test
  void aWriterWaitingForItsTurnHoldsOneBatch() throws Exception {
    HangingTransport transport = new HangingTransport();
    Map<String, String> options =
        Map.of(
            "es.resource", "idx",
            "sluice.deadletter.path", deadLetters.toString(),
            "es.batch.size.bytes", "8kb",
            "sluice.batch.flush.interval", "1h");
    BulkEngine a = start(options, "wa", transport, Clock.systemUTC());
    MutableClock clockOfB = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    BulkEngine b = start(options, "wb", transport, clockOfB);
    Adder addsToA = new Adder(a, "a", 40);
    addsToA.start();
    while (transport.sentBy("a") == 0) {
      Thread.sleep(10);
    }

    Adder addsToB = new Adder(b, "b", 24); // three batches
    addsToB.start();
    awaitBlocked(addsToB);
    assertThat(addsToB.isAlive()).as("B's caller waits for memory").isTrue();
    assertThat(transport.sentBy("b")).isZero();
    assertThat(b.counters().peakBytesBuffered()).isLessThanOrEqualTo(8L * KB + addsToB.docBytes());
    clockOfB.advance(Duration.ofSeconds(7)); // B's caller waits 7 s by its writer's clock

    transport.answerAll();
    addsToA.join();
    addsToB.join();
    LoadResult ra = a.close();
    LoadResult rb = b.close();
    assertThat(ra.counters().indexed()).isEqualTo(40);
    assertThat(rb.counters().indexed()).isEqualTo(24);
    assertThat(addsToA.failure.get() + addsToB.failure.get()).isZero();
    assertThat(rb.counters().waitedForMemoryMillis())
        .as("the report says how long B's caller waited for memory")
        .isEqualTo(7000);
  }

  private BulkEngine start(
      Map<String, String> options, String writer, BulkTransport transport, Clock clock) {
    EngineContext context = new EngineContext(clock, () -> 0.0, new LocalFileStorage(), transport);
    return BulkEngine.start(
        SluiceConfig.fromOptions(options), writer, LoadListener.NONE, context, Attempt.FIRST);
  }

  /** Until the caller waits for memory (or has added everything, which the test then refutes). */
  private static void awaitBlocked(Adder adder) throws InterruptedException {
    while (adder.isAlive() && adder.getState() != Thread.State.TIMED_WAITING) {
      Thread.sleep(10);
    }
  }

  private static void awaitWaiting(ByteBudget budget) throws InterruptedException {
    while (!budget.hasWaiters()) {
      Thread.sleep(10);
    }
  }

  /** Adds {@code count} documents of about 1 KB, from a thread of its own. */
  private static final class Adder extends Thread {
    private final BulkEngine engine;
    private final String prefix;
    private final int count;
    private final byte[] source =
        ("{\"pad\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
    final AtomicInteger failure = new AtomicInteger();

    Adder(BulkEngine engine, String prefix, int count) {
      this.engine = engine;
      this.prefix = prefix;
      this.count = count;
    }

    long docBytes() {
      return source.length + 64L; // the source, its action line and newline
    }

    @Override
    public void run() {
      try {
        for (int i = 0; i < count; i++) {
          engine.add(Document.of(prefix + i, source, prefix + " row " + i));
        }
      } catch (InterruptedException | RuntimeException e) {
        failure.incrementAndGet();
      }
    }
  }

  /** Holds every request unanswered until {@link #answerAll}; answers "created" after that. */
  private final class HangingTransport implements BulkTransport {
    private final String name = "hanging-" + UUID.randomUUID(); // a job of its own
    private final List<Runnable> held = new ArrayList<>();
    private final List<String> firstIds = new ArrayList<>();
    private boolean answering;

    @Override
    public synchronized Runnable send(
        List<byte[]> chunks, long contentLength, Consumer<HttpResult> callback) {
      String action = new String(chunks.get(0), StandardCharsets.UTF_8);
      firstIds.add(action.substring(action.indexOf("\"_id\":\"") + 7));
      int documents = chunks.size() / 3; // index: action line, source, newline
      StringBuilder body = new StringBuilder("{\"errors\":false,\"items\":[");
      for (int i = 0; i < documents; i++) {
        body.append(i == 0 ? "" : ",")
            .append("{\"index\":{\"status\":201,\"result\":\"created\"}}");
      }
      byte[] answer = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
      Runnable reply = () -> callback.accept(HttpResult.response(200, answer));
      if (answering) {
        responder.execute(reply);
      } else {
        held.add(reply);
      }
      return () -> {};
    }

    synchronized int sentBy(String prefix) {
      return (int) firstIds.stream().filter(id -> id.startsWith(prefix)).count();
    }

    synchronized void answerAll() {
      answering = true;
      held.forEach(responder::execute);
      held.clear();
    }

    @Override
    public String describe() {
      return name;
    }

    @Override
    public void close() {}
  }
}
