package dev.sluice.core.bulk;

import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.core.storage.Storage;
import dev.sluice.core.transport.BulkTransport;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * What the engine takes from its surroundings, injectable for tests.
 *
 * @param random numbers in [0, 1) for backoff jitter
 * @param transport null to build the REST client from the configuration
 * @param replay an earlier attempt of this same load may already have delivered some of these
 *     documents (a resumed checkpoint, a retried task): a {@code create} that Elasticsearch refuses
 *     with a version conflict then counts as already delivered, not as a rejected document
 */
public record EngineContext(
    Clock clock, DoubleSupplier random, Storage storage, BulkTransport transport, boolean replay) {

  /** A first attempt: nothing was delivered before. */
  public EngineContext(
      Clock clock, DoubleSupplier random, Storage storage, BulkTransport transport) {
    this(clock, random, storage, transport, false);
  }

  public static EngineContext defaults() {
    return new EngineContext(
        Clock.systemUTC(),
        () -> ThreadLocalRandom.current().nextDouble(),
        new LocalFileStorage(),
        null);
  }

  public EngineContext withClock(Clock clock) {
    return new EngineContext(clock, random, storage, transport, replay);
  }

  public EngineContext withRandom(DoubleSupplier random) {
    return new EngineContext(clock, random, storage, transport, replay);
  }

  public EngineContext withReplay(boolean replay) {
    return new EngineContext(clock, random, storage, transport, replay);
  }
}
