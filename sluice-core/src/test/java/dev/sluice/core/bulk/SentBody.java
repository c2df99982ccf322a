package dev.sluice.core.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A document's bulk lines as a request body holds them: cut into a batch on its own. */
final class SentBody {
  private SentBody() {}

  static String of(PendingDocument d) {
    BatchAssembler assembler = new BatchAssembler(0, Duration.ofSeconds(1));
    assembler.add(d, Instant.EPOCH);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] chunk : assembler.next(Long.MAX_VALUE, 0).chunks()) {
      out.writeBytes(chunk);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
