package dev.sluice.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Waits until a node answers {@code GET /_cluster/health?wait_for_status=yellow} with 200, failing
 * as soon as its process has died and at the latest when the timeout passes.
 */
final class HealthWaiter {
  /** Why waiting stopped without a healthy node. */
  enum Outcome {
    HEALTHY,
    PROCESS_DIED,
    TIMED_OUT
  }

  /** One health probe: true when the cluster is at least yellow. */
  @FunctionalInterface
  interface Probe {
    boolean healthy() throws IOException, InterruptedException;
  }

  private static final Duration POLL = Duration.ofMillis(500);

  private final Clock clock;
  private final Sleeper sleeper;

  HealthWaiter(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  Outcome await(Probe probe, BooleanSupplier alive, Duration timeout) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      if (!alive.getAsBoolean()) {
        return Outcome.PROCESS_DIED;
      }
      try {
        if (probe.healthy()) {
          return Outcome.HEALTHY;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!clock.instant().isBefore(deadline)) {
        return Outcome.TIMED_OUT;
      }
      sleeper.sleep(POLL);
    }
  }

  /** The real probe, over HTTP(S), with the node's own credentials if it has security. */
  static Probe http(HttpClient client, String baseUrl, Optional<String> authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create(baseUrl + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
            .timeout(Duration.ofSeconds(5))
            .GET();
    authorization.ifPresent(value -> builder.header("Authorization", value));
    HttpRequest request = builder.build();
    return () -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }
}
