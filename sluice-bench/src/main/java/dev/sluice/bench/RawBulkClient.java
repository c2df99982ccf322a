package dev.sluice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline: pre-built bodies sent by a bare JDK HTTP client, {@code concurrency} requests in
 * flight, nothing else (no batching, no retries, no response parsing beyond the {@code errors}
 * flag). It asks for the same {@code filter_path} as Sluice, so the server does the same work.
 */
final class RawBulkClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String ERRORS_FALSE = "{\"errors\":false";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI bulk;

  RawBulkClient(String baseUrl, String filterPath) {
    this.bulk = URI.create(baseUrl + "/_bulk?filter_path=" + filterPath);
  }

  /** Sends every body once; throws if any request fails or any item is rejected. */
  void sendAll(List<byte[]> bodies, int concurrency) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        done.add(
            workers.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < bodies.size();
                      i = next.getAndIncrement()) {
                    send(bodies.get(i), i);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("raw baseline failed: " + e.getCause().getMessage(), e);
    } finally {
      workers.shutdownNow();
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("raw baseline workers did not stop");
      }
    }
  }

  /**
   * The whole body as one buffer. {@code BodyPublishers.ofByteArray} cuts it into 16 KiB buffers,
   * each written to the socket on its own, and Elasticsearch (which parses a bulk body as it
   * streams in) then spent up to twice the CPU per document that it spends on Sluice's requests:
   * not the baseline the benchmark means to measure.
   */
  private static HttpRequest.BodyPublisher oneBuffer(byte[] body) {
    return HttpRequest.BodyPublishers.fromPublisher(
        subscriber ->
            subscriber.onSubscribe(
                new java.util.concurrent.Flow.Subscription() {
                  private boolean sent;

                  @Override
                  public void request(long n) {
                    if (!sent && n > 0) {
                      sent = true;
                      subscriber.onNext(java.nio.ByteBuffer.wrap(body));
                      subscriber.onComplete();
                    }
                  }

                  @Override
                  public void cancel() {
                    sent = true;
                  }
                }),
        body.length);
  }

  private void send(byte[] body, int index) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(bulk)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-ndjson")
            .POST(oneBuffer(body))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    byte[] answer = response.body();
    String head =
        new String(
            answer, 0, Math.min(answer.length, ERRORS_FALSE.length()), StandardCharsets.UTF_8);
    if (response.statusCode() != 200 || !head.equals(ERRORS_FALSE)) {
      String shown = new String(answer, 0, Math.min(answer.length, 500), StandardCharsets.UTF_8);
      throw new IllegalStateException(
          "bulk body " + index + " answered " + response.statusCode() + ": " + shown);
    }
  }
}
