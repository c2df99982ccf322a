package dev.sluice.spark.differential;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences between elasticsearch-hadoop's result of a scenario and Sluice's, by {@link
 * Aspect}, each as lines a person reads.
 */
final class SnapshotDiff {
  private static final int MAX_LINES_PER_ASPECT = 12;

  private final Map<Aspect, List<String>> lines = new EnumMap<>(Aspect.class);

  private SnapshotDiff() {}

  static SnapshotDiff between(Scenario scenario, Snapshot esHadoop, Snapshot sluice) {
    SnapshotDiff diff = new SnapshotDiff();
    if (!esHadoop.outcomes().equals(sluice.outcomes())) {
      diff.add(
          Aspect.OUTCOME, "es-hadoop " + esHadoop.outcomes() + ", sluice " + sluice.outcomes());
      for (int i = 0; i < Math.max(esHadoop.messages().size(), sluice.messages().size()); i++) {
        diff.add(Aspect.OUTCOME, "  step " + (i + 1) + " es-hadoop: " + at(esHadoop.messages(), i));
        diff.add(Aspect.OUTCOME, "  step " + (i + 1) + " sluice:    " + at(sluice.messages(), i));
      }
    }
    if (!esHadoop.indices().keySet().equals(sluice.indices().keySet())) {
      diff.add(
          Aspect.INDICES,
          "es-hadoop "
              + names(esHadoop.indices().keySet())
              + ", sluice "
              + names(sluice.indices().keySet()));
    }
    esHadoop
        .indices()
        .forEach(
            (name, expected) -> {
              Snapshot.IndexState actual = sluice.indices().get(name);
              if (actual != null) {
                diff.compare(scenario, "index " + names(Set.of(name)) + ": ", expected, actual);
              }
            });
    return diff;
  }

  private void compare(
      Scenario scenario, String where, Snapshot.IndexState expected, Snapshot.IndexState actual) {
    if (expected.count() != actual.count()) {
      add(Aspect.COUNT, where + "es-hadoop " + expected.count() + ", sluice " + actual.count());
    }
    compareMappings(where, expected.mapping(), actual.mapping());
    if (scenario.idsCompared()) {
      compareById(where, expected.docs(), actual.docs());
    } else {
      compareAsMultiset(where, expected.docs(), actual.docs());
    }
  }

  private void compareMappings(
      String where, Map<String, String> expected, Map<String, String> actual) {
    Set<String> paths = new TreeSet<>(expected.keySet());
    paths.addAll(actual.keySet());
    for (String path : paths) {
      if (!Objects.equals(expected.get(path), actual.get(path))) {
        add(
            Aspect.MAPPING,
            where
                + path
                + ": es-hadoop "
                + orNone(expected.get(path))
                + ", sluice "
                + orNone(actual.get(path)));
      }
    }
  }

  private void compareById(String where, List<Snapshot.Doc> expected, List<Snapshot.Doc> actual) {
    Map<String, Snapshot.Doc> byIdExpected = byId(expected);
    Map<String, Snapshot.Doc> byIdActual = byId(actual);
    Set<String> ids = new TreeSet<>(byIdExpected.keySet());
    ids.addAll(byIdActual.keySet());
    for (String id : ids) {
      Snapshot.Doc left = byIdExpected.get(id);
      Snapshot.Doc right = byIdActual.get(id);
      if (left == null || right == null) {
        add(Aspect.IDS, where + "id " + id + " only in " + (left == null ? "sluice" : "es-hadoop"));
      } else {
        if (!Objects.equals(left.routing(), right.routing())
            || !Objects.equals(left.version(), right.version())) {
          add(
              Aspect.IDS,
              where
                  + "id "
                  + id
                  + ": es-hadoop routing "
                  + left.routing()
                  + " version "
                  + left.version()
                  + ", sluice routing "
                  + right.routing()
                  + " version "
                  + right.version());
        }
        if (!left.source().equals(right.source())) {
          add(Aspect.SOURCES, where + "id " + id + ":");
          add(Aspect.SOURCES, "  es-hadoop " + left.source());
          add(Aspect.SOURCES, "  sluice    " + right.source());
        }
      }
    }
  }

  private void compareAsMultiset(
      String where, List<Snapshot.Doc> expected, List<Snapshot.Doc> actual) {
    List<String> left = withRouting(expected);
    List<String> right = withRouting(actual);
    List<String> onlyLeft = new ArrayList<>(left);
    right.forEach(onlyLeft::remove);
    List<String> onlyRight = new ArrayList<>(right);
    left.forEach(onlyRight::remove);
    onlyLeft.forEach(doc -> add(Aspect.SOURCES, where + "only es-hadoop wrote " + doc));
    onlyRight.forEach(doc -> add(Aspect.SOURCES, where + "only sluice wrote    " + doc));
  }

  private static List<String> withRouting(List<Snapshot.Doc> docs) {
    List<String> lines = new ArrayList<>();
    for (Snapshot.Doc doc : docs) {
      lines.add((doc.routing() == null ? "" : "[routing " + doc.routing() + "] ") + doc.source());
    }
    return lines;
  }

  private static Map<String, Snapshot.Doc> byId(List<Snapshot.Doc> docs) {
    Map<String, Snapshot.Doc> byId = new TreeMap<>();
    docs.forEach(doc -> byId.put(doc.id(), doc));
    return byId;
  }

  private void add(Aspect aspect, String line) {
    List<String> list = lines.computeIfAbsent(aspect, a -> new ArrayList<>());
    if (list.size() < MAX_LINES_PER_ASPECT) {
      list.add(line);
    } else if (list.size() == MAX_LINES_PER_ASPECT) {
      list.add("  ...");
    }
  }

  /** The aspects that differ. */
  Set<Aspect> aspects() {
    return lines.keySet();
  }

  /** The differences in aspects not in {@code allowed}, or none. */
  SnapshotDiff without(Set<Aspect> allowed) {
    SnapshotDiff rest = new SnapshotDiff();
    lines.forEach(
        (aspect, text) -> {
          if (!allowed.contains(aspect)) {
            rest.lines.put(aspect, text);
          }
        });
    return rest;
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    lines.forEach(
        (aspect, text) -> {
          out.append(aspect).append('\n');
          text.forEach(line -> out.append("  ").append(line).append('\n'));
        });
    return out.toString();
  }

  private static String at(List<String> messages, int i) {
    return i < messages.size() ? (messages.get(i).isEmpty() ? "ok" : messages.get(i)) : "-";
  }

  private static String orNone(String type) {
    return type == null ? "(none)" : type;
  }

  private static String names(Set<String> suffixes) {
    List<String> names = new ArrayList<>();
    suffixes.forEach(suffix -> names.add("<scenario>" + suffix));
    return names.toString();
  }
}
