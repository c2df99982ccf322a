package dev.sluice.bench;

/** Where {@code bin/bench-sweep} loads each cell. */
enum SweepCondition {
  CLEAN,
  ITEM_429,
  TINY_QUEUE;

  String label() {
    return switch (this) {
      case CLEAN -> "clean";
      case ITEM_429 -> "10% items 429";
      case TINY_QUEUE -> "tiny queue";
    };
  }

  /** The table's column prefix. */
  String shortLabel() {
    return switch (this) {
      case CLEAN -> "clean";
      case ITEM_429 -> "10%429";
      case TINY_QUEUE -> "tiny";
    };
  }

  boolean throttled() {
    return this != CLEAN;
  }
}
