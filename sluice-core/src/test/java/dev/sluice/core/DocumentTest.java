package dev.sluice.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DocumentTest {
  @Test
  void aWritingCallbackRunsOnceAndItsBytesAreTheSource() {
    AtomicInteger calls = new AtomicInteger();
    Document doc =
        Document.writing(
            "7",
            out -> {
              calls.incrementAndGet();
              try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeNumberField("n", 7);
                json.writeEndObject();
              }
            },
            "line 7");

    assertThat(calls).hasValue(1);
    assertThat(new String(doc.source(), UTF_8)).isEqualTo("{\"n\":7}");
    assertThat(doc.id()).isEqualTo("7");
    assertThat(doc.position()).isEqualTo("line 7");
    assertThat(doc.index()).isNull();
  }

  @Test
  void aFailingCallbackNamesThePosition() {
    assertThatThrownBy(
            () ->
                Document.writing(
                    "1",
                    out -> {
                      throw new IOException("disk on fire");
                    },
                    "file.json:12"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("file.json:12")
        .hasMessageContaining("disk on fire");
  }

  @Test
  void aPositionPrefixAndNumberReadAsOnePositionAndEqualOnlyTheSame() {
    byte[] source = {'{', '}'};
    Document numbered =
        new Document(null, "1", null, null, source, "partition 3 row ", 17, null, null, false);
    Document whole = new Document(null, "1", null, null, source, "partition 3 row 17");

    assertThat(numbered.position()).isEqualTo("partition 3 row 17");
    assertThat(whole.position()).isEqualTo("partition 3 row 17");
    assertThat(whole.positionNumber()).isEqualTo(-1);
    assertThat(new Document(null, "1", null, null, source, null).position()).isNull();
    assertThat(numbered)
        .isEqualTo(
            new Document(null, "1", null, null, source, "partition 3 row ", 17, null, null, false))
        .isNotEqualTo(
            new Document(null, "1", null, null, source, "partition 3 row ", 18, null, null, false));
  }
}
