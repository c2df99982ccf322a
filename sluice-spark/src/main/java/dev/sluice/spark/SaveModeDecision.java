package dev.sluice.spark;

import org.apache.spark.sql.SaveMode;

/**
 * What a save mode does to an index, as elasticsearch-hadoop decides it: ErrorIfExists and Ignore
 * look at whether the index holds documents (an index that exists but is empty counts as free),
 * Overwrite removes the documents but keeps the index, Append always writes.
 */
final class SaveModeDecision {
  /** What the target index holds when the write starts. */
  enum IndexState {
    MISSING,
    EMPTY,
    HOLDS_DOCUMENTS
  }

  /** What the driver does before (or instead of) writing. */
  enum Action {
    WRITE,
    SKIP,
    FAIL,
    DELETE_DOCUMENTS_THEN_WRITE
  }

  private SaveModeDecision() {}

  static Action decide(SaveMode mode, IndexState state) {
    boolean holdsDocuments = state == IndexState.HOLDS_DOCUMENTS;
    return switch (mode) {
      case Append -> Action.WRITE;
      case ErrorIfExists -> holdsDocuments ? Action.FAIL : Action.WRITE;
      case Ignore -> holdsDocuments ? Action.SKIP : Action.WRITE;
      case Overwrite -> holdsDocuments ? Action.DELETE_DOCUMENTS_THEN_WRITE : Action.WRITE;
    };
  }
}
