package dev.sluice.core.report;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents indexed and dead-lettered per target index, sorted by index: one entry for a load into
 * one index, one per index a pattern ({@code logs-{service}}) made. Immutable.
 */
public final class PerIndexCounts implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int INDICES_IN_SUMMARY = 10;
  public static final PerIndexCounts EMPTY = new PerIndexCounts(Map.of());

  private final TreeMap<String, IndexCounts> counts;

  public PerIndexCounts(Map<String, IndexCounts> counts) {
    this.counts = new TreeMap<>(counts);
  }

  public Map<String, IndexCounts> asMap() {
    return Collections.unmodifiableMap(counts);
  }

  public PerIndexCounts plus(PerIndexCounts other) {
    TreeMap<String, IndexCounts> sum = new TreeMap<>(counts);
    other.counts.forEach((index, n) -> sum.merge(index, n, IndexCounts::plus));
    return new PerIndexCounts(sum);
  }

  /** For a load into several indices: " indices=N {a: 3 indexed, 1 dead-lettered; ...}". */
  public String summary() {
    if (counts.size() < 2) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" indices=").append(counts.size()).append(" {");
    int shown = 0;
    for (Map.Entry<String, IndexCounts> e : counts.entrySet()) {
      if (shown++ == INDICES_IN_SUMMARY) {
        sb.append("; ...");
        break;
      }
      sb.append(shown == 1 ? "" : "; ")
          .append(e.getKey())
          .append(": ")
          .append(e.getValue().indexed())
          .append(" indexed, ")
          .append(e.getValue().deadLettered())
          .append(" dead-lettered");
    }
    return sb.append('}').toString();
  }

  /** The JSON form: {@code {"<index>":{"indexed":n,"deadLettered":n}, ...}}. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    counts.forEach(
        (index, n) -> {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("indexed", n.indexed());
          one.put("deadLettered", n.deadLettered());
          json.put(index, one);
        });
    return json;
  }

  /** Reads {@link #toJson()}'s form; anything else is empty. */
  public static PerIndexCounts fromJson(Object json) {
    Map<String, IndexCounts> counts = new TreeMap<>();
    if (json instanceof Map<?, ?> indices) {
      indices.forEach(
          (index, n) -> {
            if (n instanceof Map<?, ?> one) {
              counts.put(
                  String.valueOf(index),
                  new IndexCounts(number(one.get("indexed")), number(one.get("deadLettered"))));
            }
          });
    }
    return new PerIndexCounts(counts);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PerIndexCounts p && counts.equals(p.counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }
}
