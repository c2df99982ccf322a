package dev.sluice.core.bulk;

import java.util.List;

/**
 * One bulk request: documents in request order, which is also the order of the response items.
 *
 * @param chunks the body: every document's chunks, in order (document bytes are not copied)
 */
record Batch(
    long id, List<PendingDocument> documents, List<byte[]> chunks, long bytes, long flowEpoch) {

  int size() {
    return documents.size();
  }
}
