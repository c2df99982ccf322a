package dev.sluice.core.report;

import dev.sluice.core.deadletter.DeadLetterRecord;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A few dead letters of each reason, as the report page shows them: the first {@link #PER_REASON} a
 * writer (or a job, in partition order) rejected, sources cut to {@link #SOURCE_BYTES}. Immutable
 * and small, so it travels in a task's commit message; the dead-letter files hold them all.
 */
public final class DeadLetterSamples implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int PER_REASON = 5;
  public static final int SOURCE_BYTES = 1024;
  private static final DeadLetterSamples EMPTY = new DeadLetterSamples(new TreeMap<>());

  /**
   * One dead letter.
   *
   * @param source its source as text, at most {@link #SOURCE_BYTES} bytes of it; null for none
   * @param truncated the source was longer
   */
  public record Sample(
      String position, String index, String id, String reason, String source, boolean truncated)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    static Sample of(DeadLetterRecord r) {
      byte[] source = r.source();
      boolean cut = source != null && source.length > SOURCE_BYTES;
      return new Sample(
          r.position(), r.index(), r.id(), r.reason(), source == null ? null : text(source), cut);
    }
  }

  // Error type → samples; ArrayList, not List, so the field's type is serialisable.
  private final TreeMap<String, ArrayList<Sample>> byReason;

  private DeadLetterSamples(TreeMap<String, ArrayList<Sample>> byReason) {
    this.byReason = byReason;
  }

  public static DeadLetterSamples empty() {
    return EMPTY;
  }

  /** Error type → its first samples, sorted by error type. */
  public Map<String, List<Sample>> byReason() {
    return Collections.unmodifiableMap(byReason);
  }

  public boolean isEmpty() {
    return byReason.isEmpty();
  }

  /** This writer's samples, then the other's, still at most {@link #PER_REASON} per reason. */
  public DeadLetterSamples plus(DeadLetterSamples other) {
    Collector all = new Collector();
    all.addAll(this);
    all.addAll(other);
    return all.snapshot();
  }

  /** Gathers samples as dead letters happen. Thread-safe. */
  static final class Collector {
    private final TreeMap<String, ArrayList<Sample>> byReason = new TreeMap<>();

    void offer(String errorType, DeadLetterRecord record) {
      synchronized (this) {
        if (full(errorType)) {
          return; // the usual case once a reason has its samples: no copy of the source
        }
      }
      add(errorType, Sample.of(record));
    }

    synchronized void add(String errorType, Sample sample) {
      if (!full(errorType)) {
        byReason.computeIfAbsent(errorType, t -> new ArrayList<>()).add(sample);
      }
    }

    void addAll(DeadLetterSamples samples) {
      samples.byReason.forEach((type, list) -> list.forEach(s -> add(type, s)));
    }

    private boolean full(String errorType) {
      List<Sample> samples = byReason.get(errorType);
      return samples != null && samples.size() >= PER_REASON;
    }

    synchronized DeadLetterSamples snapshot() {
      TreeMap<String, ArrayList<Sample>> copy = new TreeMap<>();
      byReason.forEach((type, list) -> copy.put(type, new ArrayList<>(list)));
      return new DeadLetterSamples(copy);
    }
  }

  /** The first {@link #SOURCE_BYTES} bytes as text; a character cut in half is left out. */
  static String text(byte[] source) {
    int length = Math.min(source.length, SOURCE_BYTES);
    for (int cut = length; cut > length - 4 && cut >= 0; cut--) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(source, 0, cut))
            .toString();
      } catch (CharacterCodingException e) {
        // a multi-byte character was cut: try one byte shorter
      }
    }
    return new String(source, 0, length, StandardCharsets.UTF_8); // not UTF-8: replaced as usual
  }

  @Override
  public String toString() {
    return "DeadLetterSamples" + byReason;
  }
}
