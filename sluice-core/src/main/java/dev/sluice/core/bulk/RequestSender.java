package dev.sluice.core.bulk;

import dev.sluice.core.report.Counters;
import dev.sluice.core.transport.BulkTransport;
import dev.sluice.core.transport.HttpResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends batches and remembers what is in flight. Owned by the writer loop thread. */
final class RequestSender {
  private static final Logger LOG = LoggerFactory.getLogger(RequestSender.class);

  record InFlight(Batch batch, Instant sentAt, Runnable cancel) {}

  private final String writerId;
  private final BulkTransport transport;
  private final Counters counters;
  private final BiConsumer<Batch, HttpResult> onCompleted;
  private final Map<Long, InFlight> inFlight = new HashMap<>();

  /**
   * @param onCompleted called on a transport thread; it must only hand the result over
   */
  RequestSender(
      String writerId,
      BulkTransport transport,
      Counters counters,
      BiConsumer<Batch, HttpResult> onCompleted) {
    this.writerId = writerId;
    this.transport = transport;
    this.counters = counters;
    this.onCompleted = onCompleted;
  }

  void send(Batch batch, Instant now) {
    counters.requestSent(batch.bytes(), inFlight.size() + 1);
    LOG.debug(
        "writer={} batch={} sending docs={} bytes={} inFlight={}",
        writerId,
        batch.id(),
        batch.size(),
        batch.bytes(),
        inFlight.size() + 1);
    // Registered before sending: the answer may arrive before send() returns.
    InFlight entry = new InFlight(batch, now, () -> {});
    inFlight.put(batch.id(), entry);
    Runnable cancel =
        transport.send(batch.chunks(), batch.bytes(), result -> onCompleted.accept(batch, result));
    inFlight.computeIfPresent(batch.id(), (id, e) -> new InFlight(batch, now, cancel));
  }

  /** Forgets a finished request; null if it was cancelled already. */
  InFlight complete(Batch batch) {
    InFlight done = inFlight.remove(batch.id());
    counters.inFlight(inFlight.size());
    return done;
  }

  int inFlight() {
    return inFlight.size();
  }

  void cancelAll() {
    inFlight.values().forEach(f -> f.cancel().run());
    inFlight.clear();
    counters.inFlight(0);
  }

  void close() {
    transport.close();
  }
}
