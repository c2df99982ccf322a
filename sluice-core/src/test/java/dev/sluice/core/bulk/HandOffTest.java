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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caller-to-loop hand-off: documents the loop was not woken for still go out, on the flush
 * interval, and a caller blocked at the memory cap gets its documents sent.
 */
@Timeout(30)
class HandOffTest {
  @TempDir Path deadLetters;

  /** Answers every request "created" for each document, from another thread, as HTTP does. */
  private final ExecutorService responder = Executors.newSingleThreadExecutor();

  private final BlockingQueue<Integer> requestSizes = new LinkedBlockingQueue<>();

  private final BulkTransport transport =
      new BulkTransport() {
        @Override
        public Runnable send(
            List<byte[]> chunks, long contentLength, Consumer<HttpResult> callback) {
          int documents = chunks.size() / 3; // index: action line, source, newline
          requestSizes.add(documents);
          StringBuilder body = new StringBuilder("{\"errors\":false,\"items\":[");
          for (int i = 0; i < documents; i++) {
            body.append(i == 0 ? "" : ",")
                .append("{\"index\":{\"status\":201,\"result\":\"created\"}}");
          }
          byte[] answer = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
          responder.execute(() -> callback.accept(HttpResult.response(200, answer)));
          return () -> {};
        }

        @Override
        public String describe() {
          return "fake";
        }

        @Override
        public void close() {}
      };

  @AfterEach
  void stopResponder() throws InterruptedException {
    responder.shutdownNow();
    responder.awaitTermination(5, TimeUnit.SECONDS);
  }

  private BulkEngine start(Map<String, String> overrides) {
    Map<String, String> options = new HashMap<>();
    options.put("es.resource", "idx");
    options.put("sluice.deadletter.path", deadLetters.toString());
    options.putAll(overrides);
    EngineContext context =
        new EngineContext(Clock.systemUTC(), () -> 0.0, new LocalFileStorage(), transport);
    return BulkEngine.start(
        SluiceConfig.fromOptions(options), "w1", LoadListener.NONE, context, Attempt.FIRST);
  }

  private static Document doc(int n) {
    return Document.of("d" + n, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), "row " + n);
  }

  @Test
  void aFewDocumentsGoOutOnTheFlushIntervalWithoutClose() throws Exception {
    BulkEngine engine = start(Map.of("sluice.batch.flush.interval", "300ms"));
    for (int i = 0; i < 3; i++) {
      engine.add(doc(i));
    }
    assertThat(requestSizes.poll(10, TimeUnit.SECONDS)).isEqualTo(3);
    LoadResult result = engine.close();
    assertThat(result.counters().indexed()).isEqualTo(3);
    assertThat(requestSizes).isEmpty();
  }

  @Test
  void aCallerBlockedAtTheMemoryCapGetsItsDocumentsSent() throws Exception {
    // A batch as big as the cap is never full (the document that would fill it waits for
    // memory), and the flush interval never comes: only the waiting caller can make the loop send.
    BulkEngine engine =
        start(
            Map.of(
                "sluice.memory.max.bytes", "4kb",
                "es.batch.size.bytes", "4kb",
                "sluice.flow.adaptive", "false",
                "sluice.batch.flush.interval", "1h"));
    for (int i = 0; i < 2000; i++) {
      engine.add(doc(i));
    }
    LoadResult result = engine.close();
    assertThat(result.counters().indexed()).isEqualTo(2000);
    assertThat(result.counters().peakBytesBuffered()).isLessThanOrEqualTo(4096);
    assertThat(requestSizes.size()).isGreaterThan(10);
  }
}
