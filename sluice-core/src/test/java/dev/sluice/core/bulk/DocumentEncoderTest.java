package dev.sluice.core.bulk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import org.junit.jupiter.api.Test;

class DocumentEncoderTest {
  private final DocumentEncoder encoder = new DocumentEncoder("idx", OpType.INDEX);

  private static Document document(byte[] source, boolean oneLine) {
    return new Document(null, "1", null, null, source, "row ", 3, null, null, oneLine);
  }

  @Test
  void aSourceItsWriterVouchesForIsSentAsItIsAndAnyOtherIsMadeOneLine() {
    byte[] vouched = "{\"x\":1}".getBytes(UTF_8);
    byte[] pretty = "{\n\"x\":1}".getBytes(UTF_8);

    assertThat(encoder.encode(0, document(vouched, true)).chunks[1]).isSameAs(vouched);
    assertThat(new String(encoder.encode(1, document(pretty, false)).chunks[1], UTF_8))
        .isEqualTo("{ \"x\":1}");
    // The engine does not look again at what the caller vouched for.
    assertThat(encoder.encode(2, document(pretty, true)).chunks[1]).isSameAs(pretty);
  }
}
