package dev.sluice.spark.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every scenario, for both suites. */
final class Scenarios {
  /** A comma list of scenario names to run only those, e.g. while recording one golden again. */
  static final String ONLY_PROPERTY = "sluice.differential.scenarios";

  private Scenarios() {}

  /** Those named by {@value #ONLY_PROPERTY}, or all. */
  static List<Scenario> selected() {
    String only = System.getProperty(ONLY_PROPERTY, "").strip();
    if (only.isEmpty()) {
      return all();
    }
    Set<String> names = Set.of(only.split("\\s*,\\s*"));
    List<Scenario> selected = new ArrayList<>();
    for (Scenario scenario : all()) {
      if (names.contains(scenario.name())) {
        selected.add(scenario);
      }
    }
    if (selected.size() != names.size()) {
      throw new IllegalArgumentException(ONLY_PROPERTY + " names an unknown scenario: " + only);
    }
    return selected;
  }

  static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    all.addAll(BasicScenarios.all());
    all.addAll(TypeScenarios.all());
    all.addAll(SaveModeScenarios.all());
    all.addAll(OperationScenarios.all());
    Set<String> names = new HashSet<>();
    for (Scenario scenario : all) {
      if (!names.add(scenario.name())) {
        throw new IllegalStateException("two scenarios named " + scenario.name());
      }
    }
    return all;
  }
}
