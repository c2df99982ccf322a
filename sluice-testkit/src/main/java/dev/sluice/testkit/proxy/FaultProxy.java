package dev.sluice.testkit.proxy;

import com.sun.net.httpserver.HttpServer;
import dev.sluice.testkit.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 (ephemeral port) in front of one upstream, usually a local
 * Elasticsearch, that injects faults into selected requests: by default POST {@code _bulk}.
 *
 * <p>Unselected requests, and selected ones that draw {@link Fault#pass()}, are forwarded unchanged
 * (method, path and query, headers except hop-by-hop ones, body) and their response is returned
 * unchanged. Request and response bodies are held in memory. Faults are chosen per request by a
 * {@link FaultPlan}, deterministically from {@link Builder#seed(long)}. {@link #stats()} tells
 * exactly what was injected.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.forward(es.httpUrl())
 *     .seed(42)
 *     .onBulk(FaultPlan.random().with(0.05, Fault.statusBefore(429)).with(0.05, Fault.cutAfter()))
 *     .start()) {
 *   // point the client at proxy.url(), load, then compare proxy.stats() with the client's counts
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, each response
    // then waits for the client's delayed ACK (~40 ms on Linux). The JDK reads this property once,
    // when the first HttpServer of the JVM starts, so a test JVM that started another HttpServer
    // earlier should pass -Dsun.net.httpserver.nodelay=true itself.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Counters counters;
  private final InFlight inFlight;
  private final Duration closeTimeout;
  private final String url;
  private boolean closed;

  private FaultProxy(Builder builder) throws IOException {
    this.counters = new Counters();
    this.inFlight = new InFlight();
    this.closeTimeout = builder.closeTimeout;
    Upstream upstream = new Upstream(builder.upstream, builder.upstreamTimeout, builder.sslContext);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor = Executors.newCachedThreadPool(new NamedDaemonThreads());
    server.createContext(
        "/",
        new ProxyHandler(
            upstream,
            builder.matcher,
            builder.plan,
            builder.seed,
            builder.sleeper,
            counters,
            inFlight));
    server.setExecutor(executor);
    server.start();
    this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    LOG.info("fault proxy {} -> {} with {} (seed {})", url, upstream, builder.plan, builder.seed);
  }

  /**
   * Starts building a proxy in front of {@code upstreamUrl}, e.g. {@code http://127.0.0.1:9200}.
   */
  public static Builder forward(String upstreamUrl) {
    Objects.requireNonNull(upstreamUrl, "upstreamUrl");
    URI uri = URI.create(upstreamUrl);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "upstreamUrl must be an http(s) URL with a host and no query, was " + upstreamUrl);
    }
    return new Builder(uri);
  }

  /** The proxy's base URL, {@code http://127.0.0.1:<port>}, to give to the client under test. */
  public String url() {
    return url;
  }

  /** The proxy's port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** A consistent snapshot of the counters. */
  public FaultProxyStats stats() {
    return counters.snapshot();
  }

  /**
   * Waits (up to the close timeout) for exchanges in flight to finish, then stops listening, closes
   * all connections and stops the proxy's threads. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean interrupted = false;
    try {
      if (!inFlight.awaitIdle(closeTimeout)) {
        LOG.warn(
            "fault proxy {}: exchanges still in flight after {}, cutting them", url, closeTimeout);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("fault proxy {}: threads did not stop within {}", url, closeTimeout);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + url + "]";
  }

  /** Configures a {@link FaultProxy}; every setting is validated when set. */
  public static final class Builder {
    private final URI upstream;
    private long seed;
    private RequestMatcher matcher = RequestMatcher.bulk();
    private FaultPlan plan = FaultPlan.none();
    private Duration upstreamTimeout = Duration.ofSeconds(60);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private SSLContext sslContext;
    private Sleeper sleeper = Sleeper.REAL;

    private Builder(URI upstream) {
      this.upstream = upstream;
    }

    /** Seed of every random choice; default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Applies {@code plan} to POST/PUT {@code .../_bulk} requests (the default matcher). */
    public Builder onBulk(FaultPlan plan) {
      return on(RequestMatcher.bulk(), plan);
    }

    /** Applies {@code plan} to the requests {@code matcher} selects; others pass unchanged. */
    public Builder on(RequestMatcher matcher, FaultPlan plan) {
      this.matcher = Objects.requireNonNull(matcher, "matcher");
      this.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }

    /** Connect and response timeout for each upstream call; default 60 s. */
    public Builder upstreamTimeout(Duration timeout) {
      this.upstreamTimeout = positive(timeout, "upstreamTimeout");
      return this;
    }

    /** How long {@link FaultProxy#close()} waits for exchanges, then for threads; default 10 s. */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = positive(timeout, "closeTimeout");
      return this;
    }

    /** Trust for an {@code https} upstream (the proxy itself listens on plain HTTP). */
    public Builder upstreamSslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Binds and starts the proxy. */
    public FaultProxy start() {
      try {
        return new FaultProxy(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fault proxy on 127.0.0.1", e);
      }
    }

    private static Duration positive(Duration duration, String option) {
      Objects.requireNonNull(duration, option);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(option + " must be positive, was " + duration);
      }
      return duration;
    }
  }

  private static final class NamedDaemonThreads implements ThreadFactory {
    private static final AtomicInteger PROXIES = new AtomicInteger();
    private final int proxy = PROXIES.incrementAndGet();
    private final AtomicInteger threads = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "fault-proxy-" + proxy + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
