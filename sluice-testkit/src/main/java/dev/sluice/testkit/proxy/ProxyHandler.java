package dev.sluice.testkit.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sluice.testkit.Sleeper;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Handles one exchange: choose a fault, apply it, count it. */
final class ProxyHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

  private final Upstream upstream;
  private final RequestMatcher matcher;
  private final FaultPlan plan;
  private final long seed;
  private final Sleeper sleeper;
  private final Counters counters;
  private final InFlight inFlight;
  private final AtomicLong matchedOrdinal = new AtomicLong();

  ProxyHandler(
      Upstream upstream,
      RequestMatcher matcher,
      FaultPlan plan,
      long seed,
      Sleeper sleeper,
      Counters counters,
      InFlight inFlight) {
    this.upstream = upstream;
    this.matcher = matcher;
    this.plan = plan;
    this.seed = seed;
    this.sleeper = sleeper;
    this.counters = counters;
    this.inFlight = inFlight;
  }

  @Override
  public void handle(HttpExchange exchange) {
    inFlight.enter();
    try {
      handleOne(exchange);
    } catch (IOException e) {
      // The client went away or the exchange broke; nothing left to answer.
      LOG.debug("exchange failed: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.debug("interrupted (proxy closing), cutting {}", exchange.getRequestURI());
    } catch (RuntimeException e) {
      LOG.error("fault proxy bug, cutting {}", exchange.getRequestURI(), e);
    } finally {
      exchange.close();
      inFlight.exit();
    }
  }

  private void handleOne(HttpExchange exchange) throws IOException, InterruptedException {
    ProxiedRequest request = ProxiedRequest.read(exchange);
    counters.seen();
    if (!matcher.matches(request.method(), request.rawPath())) {
      passThrough(exchange, request);
      return;
    }
    counters.matched();
    long ordinal = matchedOrdinal.getAndIncrement();
    Random random = RequestRandom.of(seed, ordinal);
    Fault fault = plan.choose(ordinal, random);
    LOG.debug("{} {} #{} -> {}", request.method(), request.rawPath(), ordinal, fault);
    try {
      apply(exchange, request, fault, random);
    } catch (UpstreamException e) {
      answerProxyFailure(exchange, e.getMessage());
    }
  }

  private void passThrough(HttpExchange exchange, ProxiedRequest request)
      throws IOException, InterruptedException {
    try {
      relay(exchange, forward(request));
    } catch (UpstreamException e) {
      answerProxyFailure(exchange, e.getMessage());
    }
  }

  /** A 502 that is the proxy's own trouble, not an injected fault; counted apart. */
  private void answerProxyFailure(HttpExchange exchange, String message) throws IOException {
    counters.proxyFailure();
    LOG.warn("answering 502: {}", message);
    Exchanges.respondJson(exchange, 502, ErrorBodies.proxyFailure(message));
  }

  private void apply(HttpExchange exchange, ProxiedRequest request, Fault fault, Random random)
      throws IOException, InterruptedException, UpstreamException {
    if (fault instanceof Fault.StatusBefore) {
      int status = ((Fault.StatusBefore) fault).status();
      counters.statusBefore(status);
      Exchanges.respondJson(exchange, status, ErrorBodies.forStatus(status));
    } else if (fault instanceof Fault.StatusAfter) {
      int status = ((Fault.StatusAfter) fault).status();
      forward(request);
      counters.statusAfter(status);
      Exchanges.respondJson(exchange, status, ErrorBodies.forStatus(status));
    } else if (fault instanceof Fault.CutBefore) {
      counters.cutBefore();
      Exchanges.cut(exchange);
    } else if (fault instanceof Fault.CutAfter) {
      forward(request);
      counters.cutAfter();
      Exchanges.cut(exchange);
    } else if (fault instanceof Fault.Delay) {
      sleeper.sleep(((Fault.Delay) fault).delay());
      UpstreamResponse response = forward(request);
      counters.delayed();
      relay(exchange, response);
    } else if (fault instanceof Fault.Item429) {
      rejectItems(exchange, request, ((Fault.Item429) fault).probability(), random);
    } else {
      relay(exchange, forward(request));
    }
  }

  private void rejectItems(
      HttpExchange exchange, ProxiedRequest request, double probability, Random random)
      throws IOException, InterruptedException, UpstreamException {
    ItemRejection rejection;
    try {
      rejection = ItemRejection.draw(request, probability, random);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "item429 needs a _bulk body, forwarding {} unchanged: {}",
          request.rawPath(),
          e.getMessage());
      relay(exchange, forward(request));
      return;
    }
    if (rejection.removedNone()) {
      relay(exchange, forward(request));
      return;
    }
    if (rejection.removedAll()) {
      counters.item429(rejection.removedItems());
      Exchanges.respondJson(exchange, 200, rejection.allRejectedBody());
      return;
    }
    UpstreamResponse response = forward(rejection.forwardedRequest());
    if (!response.isSuccess()) {
      // A whole-request failure: the client retries every item, the removed ones too.
      relay(exchange, response);
      return;
    }
    byte[] spliced;
    try {
      spliced = rejection.splice(response);
    } catch (IllegalArgumentException e) {
      // Relaying would hide that the removed items were never sent; the kept ones were applied,
      // so this is an ambiguous failure like statusAfter, but the proxy's own.
      answerProxyFailure(
          exchange, "cannot put 429 items back into the bulk response: " + e.getMessage());
      return;
    }
    counters.item429(rejection.removedItems());
    Exchanges.respond(exchange, response.status(), response.headers(), spliced);
  }

  private UpstreamResponse forward(ProxiedRequest request)
      throws UpstreamException, InterruptedException {
    counters.forwarded();
    return upstream.send(request);
  }

  private static void relay(HttpExchange exchange, UpstreamResponse response) throws IOException {
    Exchanges.respond(exchange, response.status(), response.headers(), response.body());
  }
}
