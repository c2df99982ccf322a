package dev.sluice.spark.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every scenario, for both suites. */
final class Scenarios {
  private Scenarios() {}

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
