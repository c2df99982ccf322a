package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.flow.FlowControl;
import dev.sluice.core.flow.FlowSignal;
import dev.sluice.core.report.Counters;
import dev.sluice.core.transport.BulkTransport;
import dev.sluice.core.transport.HttpResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Records the order in which the outbox tells the flow things. */
  private static final class RecordingFlow implements FlowControl {
    final List<String> calls = new ArrayList<>();

    @Override
    public long batchBytes() {
      return 1 << 20;
    }

    @Override
    public int concurrency() {
      return 1;
    }

    @Override
    public long epoch() {
      return 0;
    }

    @Override
    public void onResponse(FlowSignal signal) {
      calls.add(signal.requestFailed() ? "refused" : "answered");
    }

    @Override
    public boolean acquire(int inFlight) {
      calls.add("acquire");
      return true;
    }

    @Override
    public void release() {
      calls.add("release");
    }
  }

  /**
   * Another writer of the job takes the permit as soon as it goes back: given back before the
   * response moved the flow, it went out at the size and epoch a 429 had just refused (many writers
   * on a small node: 0.34-0.38 throttled per request against 0.25 for a lone writer).
   */
  @Test
  void aRequestsPermitGoesBackOnlyAfterItsResponseMovedTheFlow() {
    RecordingFlow flow = new RecordingFlow();
    List<Batch> completed = new ArrayList<>();
    List<Consumer<HttpResult>> callbacks = new ArrayList<>();
    BulkTransport transport =
        new BulkTransport() {
          @Override
          public Runnable send(List<byte[]> chunks, long length, Consumer<HttpResult> callback) {
            callbacks.add(callback);
            return () -> {};
          }

          @Override
          public String describe() {
            return "test";
          }

          @Override
          public void close() {}
        };
    RequestSender sender =
        new RequestSender("w", transport, new Counters(), (batch, result) -> completed.add(batch));
    Outbox outbox =
        new Outbox(
            flow,
            new BatchAssembler(0, Duration.ofHours(1)),
            sender,
            new MemoryRoom(new ByteBudget(Long.MAX_VALUE, () -> {}), 1, Long.MAX_VALUE, false),
            () -> {});
    outbox.add(document(), NOW);
    outbox.sendDue(NOW, true);
    callbacks.get(0).accept(HttpResult.response(429, new byte[0]));
    Batch batch = completed.get(0);

    outbox.complete(batch);
    assertThat(flow.calls)
        .as("the permit is held while the response is read")
        .isEqualTo(List.of("acquire"));
    outbox.onResponse(
        batch, Duration.ofMillis(5), new BatchVerdict(List.of(), "rejected", 1, null));

    assertThat(flow.calls).isEqualTo(List.of("acquire", "refused", "release"));
  }

  private static PendingDocument document() {
    return new DocumentEncoder("idx", OpType.INDEX)
        .encode(
            0,
            new Document(
                null,
                "id0",
                null,
                OpType.INDEX,
                "{}".getBytes(StandardCharsets.UTF_8),
                "r",
                null,
                null));
  }
}
