package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InboxTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final AtomicInteger wakes = new AtomicInteger();
  private final Inbox inbox = new Inbox(clock(), wakes::incrementAndGet);
  private final DocumentEncoder encoder = new DocumentEncoder("idx", OpType.INDEX);

  private Clock clock() {
    return new Clock() {
      @Override
      public Instant instant() {
        return now.get();
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
  }

  /** Documents of the same size. */
  private PendingDocument doc(int n) {
    String id = String.format(java.util.Locale.ROOT, "d%04d", n);
    return encoder.encode(n, Document.of(id, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), "p"));
  }

  private final long size = doc(0).bytes;

  @Test
  void wakesTheLoopOnceWhenTheBytesItAskedForArrived() {
    assertThat(inbox.wakeWhen(3 * size - 1, Integer.MAX_VALUE)).isFalse();
    inbox.add(doc(0));
    inbox.add(doc(1));
    assertThat(wakes).hasValue(0);
    inbox.add(doc(2));
    inbox.add(doc(3));
    assertThat(wakes).hasValue(1);
  }

  @Test
  void wakesTheLoopWhenTheDocumentsItAskedForArrived() {
    inbox.wakeWhen(Long.MAX_VALUE, 2);
    inbox.add(doc(0));
    assertThat(wakes).hasValue(0);
    inbox.add(doc(1));
    assertThat(wakes).hasValue(1);
  }

  @Test
  void whileEveryRequestSlotIsBusyNothingWakesTheLoop() {
    inbox.wakeWhen(Long.MAX_VALUE, Integer.MAX_VALUE);
    for (int i = 0; i < 1000; i++) {
      inbox.add(doc(i));
    }
    assertThat(wakes).hasValue(0);
    assertThat(inbox.take().documents()).hasSize(1000);
  }

  @Test
  void askingForWhatIsAlreadyThereReturnsTrueAndWakesNoOne() {
    inbox.wakeWhen(Long.MAX_VALUE, Integer.MAX_VALUE);
    inbox.add(doc(0));
    inbox.add(doc(1));
    assertThat(inbox.wakeWhen(2 * size, Integer.MAX_VALUE)).isTrue();
    inbox.add(doc(2));
    assertThat(wakes).hasValue(0);
    assertThat(inbox.wakeWhen(4 * size, Integer.MAX_VALUE)).isFalse();
  }

  @Test
  void takeHandsOverEverythingInOrderWithTheOldestArrivalTime() {
    inbox.add(doc(0));
    now.set(T0.plusSeconds(5));
    inbox.add(doc(1));
    Inbox.Taken taken = inbox.take();
    assertThat(taken.documents()).extracting(d -> d.seq).containsExactly(0L, 1L);
    assertThat(taken.since()).isEqualTo(T0);

    Inbox.Taken empty = inbox.take();
    assertThat(empty.documents()).isEmpty();
    assertThat(empty.since()).isNull();

    inbox.add(doc(2));
    assertThat(inbox.take().since()).isEqualTo(T0.plusSeconds(5));
  }
}
