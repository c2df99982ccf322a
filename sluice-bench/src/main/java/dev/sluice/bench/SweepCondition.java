package dev.sluice.bench;

/** Where {@code bin/bench-sweep} loads each cell. */
enum SweepCondition {
  CLEAN("clean", false),
  ITEM_429("10% items 429", true),
  TINY_QUEUE("tiny queue", true);

  private final String label;
  private final boolean throttled;

  SweepCondition(String label, boolean throttled) {
    this.label = label;
    this.throttled = throttled;
  }

  String label() {
    return label;
  }

  boolean throttled() {
    return throttled;
  }
}
