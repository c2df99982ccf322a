package dev.sluice.spark.differential;

/** What of a scenario's result is compared. */
enum Aspect {
  /** Each step's success or failure. */
  OUTCOME,
  /** Which indices exist. */
  INDICES,
  /** Documents per index. */
  COUNT,
  /** Document ids, routing and versions (where the scenario compares them). */
  IDS,
  /** Documents' canonical {@code _source}. */
  SOURCES,
  /** Field types per path in each index's mapping. */
  MAPPING
}
