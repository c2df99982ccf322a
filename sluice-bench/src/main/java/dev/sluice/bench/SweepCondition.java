package dev.sluice.bench;

/** Where {@code bin/bench-sweep} loads each cell. */
enum SweepCondition {
  CLEAN("clean"),
  ITEM_429("10% items 429"),
  TINY_QUEUE("tiny queue");

  private final String label;

  SweepCondition(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  boolean throttled() {
    return this != CLEAN;
  }
}
