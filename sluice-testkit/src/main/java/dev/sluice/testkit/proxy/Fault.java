package dev.sluice.testkit.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * What the proxy does to one request that its matcher selected. Build faults with the static
 * factories; they validate their arguments.
 */
public sealed interface Fault {

  /** Forward unchanged. */
  static Fault pass() {
    return Pass.INSTANCE;
  }

  /**
   * Answer {@code status} (4xx or 5xx) with an Elasticsearch-like JSON error body, without
   * forwarding: the upstream never sees the request.
   */
  static Fault statusBefore(int status) {
    return new StatusBefore(status);
  }

  /**
   * Forward (so Elasticsearch applies the request), then answer {@code status} instead of the real
   * response: the client cannot know the request was applied.
   */
  static Fault statusAfter(int status) {
    return new StatusAfter(status);
  }

  /**
   * Close the client's connection without forwarding or answering: a node that died before it read
   * the request. Elasticsearch never sees it, but the client cannot tell this from {@link
   * #cutAfter()}.
   */
  static Fault cutBefore() {
    return CutBefore.INSTANCE;
  }

  /** Forward, wait for the real response, then close the client's connection without answering. */
  static Fault cutAfter() {
    return CutAfter.INSTANCE;
  }

  /** Wait {@code delay} (at most 10 minutes), then forward normally. */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /**
   * For {@code _bulk} requests: reject each item with probability {@code probability} as a per-item
   * HTTP 429 ({@code es_rejected_execution_exception}); only the other items are forwarded.
   */
  static Fault item429(double probability) {
    return new Item429(probability);
  }

  /** See {@link #pass()}. */
  enum Pass implements Fault {
    INSTANCE;

    @Override
    public String toString() {
      return "pass";
    }
  }

  /** See {@link #statusBefore(int)}. */
  record StatusBefore(int status) implements Fault {
    public StatusBefore {
      requireErrorStatus(status, "statusBefore");
    }
  }

  /** See {@link #statusAfter(int)}. */
  record StatusAfter(int status) implements Fault {
    public StatusAfter {
      requireErrorStatus(status, "statusAfter");
    }
  }

  /** See {@link #cutBefore()}. */
  enum CutBefore implements Fault {
    INSTANCE;

    @Override
    public String toString() {
      return "cutBefore";
    }
  }

  /** See {@link #cutAfter()}. */
  enum CutAfter implements Fault {
    INSTANCE;

    @Override
    public String toString() {
      return "cutAfter";
    }
  }

  /** See {@link #delay(Duration)}. */
  record Delay(Duration delay) implements Fault {
    static final Duration MAX = Duration.ofMinutes(10);

    public Delay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative() || delay.compareTo(MAX) > 0) {
        throw new IllegalArgumentException("delay must be between 0 and " + MAX + ", was " + delay);
      }
    }
  }

  /** See {@link #item429(double)}. */
  record Item429(double probability) implements Fault {
    public Item429 {
      if (!(probability > 0 && probability <= 1)) {
        throw new IllegalArgumentException(
            "item429 probability must be in (0, 1], was " + probability);
      }
    }
  }

  private static void requireErrorStatus(int status, String fault) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(fault + " status must be 4xx or 5xx, was " + status);
    }
  }
}
