package dev.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-built {@code _bulk} bodies for the raw baseline, cut by Sluice's own rule: at most {@code
 * maxDocs} documents, and no more than {@code maxBytes} bytes of action + source lines (a document
 * that would cross the limit starts the next body). Same action line as Sluice writes.
 */
record BulkBodies(List<byte[]> bodies, long totalBytes, int docs) {

  static BulkBodies build(String index, byte[][] sources, int maxDocs, long maxBytes) {
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(maxBytes, 64 << 20));
    int docsInBody = 0;
    long total = 0;
    for (int n = 0; n < sources.length; n++) {
      byte[] action =
          ("{\"index\":{\"_index\":\""
                  + index
                  + "\",\"_id\":\""
                  + DocumentGenerator.id(n)
                  + "\"}}\n")
              .getBytes(StandardCharsets.UTF_8);
      long docBytes = action.length + sources[n].length + 1L;
      if (docsInBody > 0 && (docsInBody >= maxDocs || body.size() + docBytes > maxBytes)) {
        bodies.add(body.toByteArray());
        body.reset();
        docsInBody = 0;
      }
      body.writeBytes(action);
      body.writeBytes(sources[n]);
      body.write('\n');
      docsInBody++;
      total += docBytes;
    }
    if (docsInBody > 0) {
      bodies.add(body.toByteArray());
    }
    return new BulkBodies(List.copyOf(bodies), total, sources.length);
  }
}
