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
 */
public record EngineContext(
    Clock clock, DoubleSupplier random, Storage storage, BulkTransport transport) {

  public static EngineContext defaults() {
    return new EngineContext(
        Clock.systemUTC(),
        () -> ThreadLocalRandom.current().nextDouble(),
        new LocalFileStorage(),
        null);
  }

  public EngineContext withClock(Clock clock) {
    return new EngineContext(clock, random, storage, transport);
  }

  public EngineContext withRandom(DoubleSupplier random) {
    return new EngineContext(clock, random, storage, transport);
  }

  public EngineContext withStorage(Storage storage) {
    return new EngineContext(clock, random, storage, transport);
  }
}
