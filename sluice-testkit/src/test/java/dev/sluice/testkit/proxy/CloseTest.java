package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CloseTest {

  @Test
  void closeWaitsForTheExchangeInFlight() throws Exception {
    CountDownLatch sleeping = new CountDownLatch(1);
    CountDownLatch wake = new CountDownLatch(1);
    try (FakeUpstream upstream = new FakeUpstream()) {
      FaultProxy proxy =
          FaultProxy.forward(upstream.url())
              .onBulk(FaultPlan.script(Fault.delay(Duration.ofSeconds(1))))
              .sleeper(
                  d -> {
                    sleeping.countDown();
                    assertThat(wake.await(30, TimeUnit.SECONDS)).isTrue();
                  })
              .start();
      Client client = new Client(proxy.url());
      CompletableFuture<HttpResponse<byte[]>> response =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return client.bulk(Ndjson.indexActions("i", 1));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(sleeping.await(30, TimeUnit.SECONDS)).isTrue();
      Thread closer = new Thread(proxy::close);
      closer.start();
      waitUntilWaiting(closer);

      wake.countDown();
      closer.join(30_000);

      assertThat(closer.isAlive()).isFalse();
      assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(upstream.received()).hasSize(1);
    }
  }

  private static void waitUntilWaiting(Thread thread) throws InterruptedException {
    for (int i = 0; i < 3000 && thread.getState() != Thread.State.TIMED_WAITING; i++) {
      Thread.sleep(10);
    }
    assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
  }
}
