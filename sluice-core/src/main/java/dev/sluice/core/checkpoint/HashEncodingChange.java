package dev.sluice.core.checkpoint;

import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.id.HashEncoding;

/**
 * A checkpoint whose content-hash ids were written in another encoding than this run's. Resuming it
 * would send the rows again under other ids, next to the documents the earlier run wrote: one
 * duplicate per row, which not even {@code sluice.checkpoint.force} may ask for, since one option
 * makes the resume exact. A manifest of a Sluice that knew one encoding only says {@code
 * content-sha256}, which is {@link HashEncoding#HEX}.
 */
final class HashEncodingChange {
  private HashEncodingChange() {}

  /**
   * @throws CheckpointMismatchException naming the checkpoint and the option value that resumes it,
   *     when both id strategies are content hashes in different encodings
   */
  static void refuse(CheckpointStore store, String recordedIds, String runIds) {
    HashEncoding recorded = HashEncoding.fromDescription(recordedIds);
    HashEncoding run = HashEncoding.fromDescription(runIds);
    if (recorded == null || run == null || recorded == run) {
      return;
    }
    String option = ConfigKeys.ID_HASH_ENCODING.name();
    throw new CheckpointMismatchException(
        "Checkpoint at "
            + store.location()
            + ": its content-hash ids were written as "
            + recorded.optionValue()
            + " ("
            + recordedIds
            + "), and this run would write them as "
            + run.optionValue()
            + ", so every row would go again under a new id, next to the document the earlier run"
            + " wrote. Resume it with "
            + option
            + "="
            + recorded.optionValue()
            + "; or, to load with "
            + run.optionValue()
            + " ids, delete "
            + store.location()
            + " and the documents the earlier run wrote (or use another index), then load again.");
  }
}
