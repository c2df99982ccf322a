package dev.sluice.core.bulk;

import java.util.ArrayList;
import java.util.List;

/** One bulk request: documents in request order, which is also the order of the response items. */
record Batch(long id, List<PendingDocument> documents, long bytes, long flowEpoch) {

  List<byte[]> chunks() {
    List<byte[]> chunks = new ArrayList<>(documents.size() * 3);
    for (PendingDocument d : documents) {
      chunks.addAll(d.chunks);
    }
    return chunks;
  }

  int size() {
    return documents.size();
  }
}
