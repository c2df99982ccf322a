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
    PendingDocument unchecked = encoder.encode(1, document(pretty, false));
    assertThat(unchecked.chunks[1]).isSameAs(pretty); // made one line as it is sent, not copied
    assertThat(unchecked.uncheckedChunk).isEqualTo(1);
    assertThat(SentBody.of(unchecked)).endsWith("\n{ \"x\":1}\n");
    // The engine does not look again at what the caller vouched for.
    PendingDocument vouchedPretty = encoder.encode(2, document(pretty, true));
    assertThat(vouchedPretty.chunks[1]).isSameAs(pretty);
    assertThat(vouchedPretty.uncheckedChunk).isEqualTo(-1);
    assertThat(SentBody.of(vouchedPretty)).endsWith("\n{\n\"x\":1}\n");
  }

  @Test
  void documentsWithoutIdRoutingOrVersionShareOneActionLinePerOpAndIndex() {
    DocumentEncoder withDefaults = new DocumentEncoder("idx", OpType.INDEX);
    byte[] source = "{}".getBytes(UTF_8);
    PendingDocument first = withDefaults.encode(0, Document.of(null, source, "p"));
    PendingDocument second = withDefaults.encode(1, Document.of(null, source, "p"));
    PendingDocument elsewhere =
        withDefaults.encode(2, new Document("other", null, null, OpType.CREATE, source, "p"));
    PendingDocument withId = withDefaults.encode(3, Document.of("7", source, "p"));
    PendingDocument third = withDefaults.encode(4, Document.of(null, source, "p"));

    assertThat(second.chunks[0]).isSameAs(first.chunks[0]);
    assertThat(third.chunks[0]).isSameAs(first.chunks[0]);
    assertThat(new String(first.chunks[0], UTF_8)).isEqualTo("{\"index\":{\"_index\":\"idx\"}}\n");
    assertThat(new String(elsewhere.chunks[0], UTF_8))
        .isEqualTo("{\"create\":{\"_index\":\"other\"}}\n");
    assertThat(new String(withId.chunks[0], UTF_8))
        .isEqualTo("{\"index\":{\"_index\":\"idx\",\"_id\":\"7\"}}\n");
  }
}
