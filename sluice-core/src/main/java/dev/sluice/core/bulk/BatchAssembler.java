package dev.sluice.core.bulk;

import dev.sluice.core.transport.BulkBody;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Ready documents, and the rule for cutting them into batches: at most {@code maxDocs} documents
 * and the flow's byte target, a document bigger than the target alone. Retries go first, in the
 * order they became due, but do not make a batch worth sending by themselves: they ride in the next
 * full batch of fresh documents, or go out with the flush interval or the drain, as fresh documents
 * do. Sent alone, each round of throttled items became a tiny request that cost the cluster as much
 * work per request as a full one.
 */
final class BatchAssembler {
  private final ArrayDeque<PendingDocument> retriesReady = new ArrayDeque<>();
  private final ArrayDeque<PendingDocument> ready = new ArrayDeque<>();
  private final int maxDocs;
  private final Duration flushInterval;
  private long readyBytes;
  private Instant oldestSince;
  private long nextBatchId = 1;

  /**
   * @param maxDocs 0 for no count limit
   */
  BatchAssembler(int maxDocs, Duration flushInterval) {
    this.maxDocs = maxDocs == 0 ? Integer.MAX_VALUE : maxDocs;
    this.flushInterval = flushInterval;
  }

  void add(PendingDocument doc, Instant now) {
    if (oldestSince == null) {
      oldestSince = now;
    }
    (doc.sends > 0 ? retriesReady : ready).addLast(doc);
    readyBytes += doc.bytes;
  }

  /**
   * Worth a request now: a full batch, a caller blocked on the memory cap, the flush interval
   * passed for the oldest ready document, or the loader draining.
   */
  boolean worthSending(long targetBytes, boolean drain, Instant now) {
    if (isEmpty()) {
      return false;
    }
    return drain
        || readyBytes >= targetBytes
        || size() >= maxDocs
        || (oldestSince != null && !now.isBefore(oldestSince.plus(flushInterval)));
  }

  /** When a partial batch becomes worth sending, or null. */
  Instant flushDue() {
    return oldestSince == null ? null : oldestSince.plus(flushInterval);
  }

  Batch next(long targetBytes, long flowEpoch) {
    // Counted first, so that the lists are allocated once at their size: a guess from the target
    // bytes still let the chunk list grow by copying in the benchmark's profile.
    int count = 0;
    int chunkCount = 0;
    long bytes = 0;
    boolean alone = false;
    boolean full = false;
    for (ArrayDeque<PendingDocument> queue : List.of(retriesReady, ready)) {
      for (PendingDocument doc : queue) {
        full =
            count == maxDocs
                || (count > 0 && (alone || doc.sendAlone || bytes + doc.bytes > targetBytes));
        if (full) {
          break;
        }
        alone |= doc.sendAlone;
        count++;
        chunkCount += doc.chunks.length;
        bytes += doc.bytes;
      }
      if (full) {
        break; // the retries come first: no fresh document jumps one that did not fit
      }
    }
    List<PendingDocument> docs = new ArrayList<>(count);
    List<byte[]> chunks = new ArrayList<>(chunkCount);
    BitSet unchecked = new BitSet(chunkCount);
    for (int i = 0; i < count; i++) {
      PendingDocument head = (retriesReady.isEmpty() ? ready : retriesReady).pollFirst();
      docs.add(head);
      if (head.uncheckedChunk >= 0) {
        unchecked.set(chunks.size() + head.uncheckedChunk);
      }
      for (byte[] chunk : head.chunks) {
        chunks.add(chunk);
      }
    }
    readyBytes -= bytes;
    if (isEmpty()) {
      oldestSince = null; // else kept: what remains is at least that old, so flush no later
    }
    return new Batch(
        nextBatchId++,
        Collections.unmodifiableList(docs),
        new BulkBody(chunks, unchecked),
        bytes,
        flowEpoch);
  }

  /** Bytes of the documents ready to send. */
  long readyBytes() {
    return readyBytes;
  }

  /** The most documents one batch may hold ({@code Integer.MAX_VALUE}: no count limit). */
  int maxDocs() {
    return maxDocs;
  }

  Duration flushInterval() {
    return flushInterval;
  }

  boolean isEmpty() {
    return ready.isEmpty() && retriesReady.isEmpty();
  }

  int size() {
    return ready.size() + retriesReady.size();
  }
}
