package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.deadletter.DeadLetterNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingEpochsTest {
  @TempDir Path checkpoint;

  @Test
  void aRecordedEpochIsCommittedAndTheHighestIsTheLast() {
    StreamingEpochs epochs = StreamingEpochs.beside(checkpoint.toString());
    assertThat(epochs.lastCommitted()).isEmpty();
    assertThat(epochs.committed(0)).isFalse();

    epochs.record("q", 0, LoadCounters.empty());
    epochs.record("q", 1, LoadCounters.empty());

    assertThat(epochs.committed(0)).isTrue();
    assertThat(epochs.committed(1)).isTrue();
    assertThat(epochs.committed(2)).isFalse();
    assertThat(epochs.lastCommitted()).hasValue(1);
    // Read again from the files, as a restarted driver does.
    assertThat(StreamingEpochs.beside(checkpoint.toString()).lastCommitted()).hasValue(1);
  }

  @Test
  void theRecordSaysWhichQueryAndEpochAndIsBesideSparksCheckpoint() throws IOException {
    StreamingEpochs.beside(checkpoint.toString()).record("query-1", 7, LoadCounters.empty());

    Path file = checkpoint.resolve("sluice").resolve("commits").resolve("7");
    JsonNode doc = new ObjectMapper().readTree(Files.readAllBytes(file));
    assertThat(doc.get("version").asInt()).isEqualTo(StreamingEpochs.FORMAT_VERSION);
    assertThat(doc.get("query_id").asText()).isEqualTo("query-1");
    assertThat(doc.get("epoch").asLong()).isEqualTo(7);
  }

  @Test
  void epochsLongCommittedAreForgottenButTheLastOnesKept() {
    StreamingEpochs epochs = StreamingEpochs.beside(checkpoint.toString());
    epochs.record("q", 5, LoadCounters.empty());
    epochs.record("q", 5 + StreamingEpochs.RETAINED - 1, LoadCounters.empty());
    assertThat(epochs.committed(5)).isTrue();

    epochs.record("q", 5 + StreamingEpochs.RETAINED, LoadCounters.empty());

    assertThat(epochs.committed(5)).isFalse();
    assertThat(epochs.committed(5 + StreamingEpochs.RETAINED - 1)).isTrue();
    assertThat(epochs.lastCommitted()).hasValue(5 + StreamingEpochs.RETAINED);
  }

  @Test
  void eachEpochIsADeadLetterJobOfItsOwnAndEachRunNamesItsAttemptsApart() {
    DeadLetterNames e1 = StreamEpoch.deadLetterNames("0123456789abcdef", 1, "run-a");
    DeadLetterNames e10 = StreamEpoch.deadLetterNames("0123456789abcdef", 10, "run-a");
    DeadLetterNames e1Again = StreamEpoch.deadLetterNames("0123456789abcdef", 1, "run-b");

    assertThat(e1.job()).isEqualTo("01234567-e1").isEqualTo(e1Again.job());
    assertThat(e10.job()).isEqualTo("01234567-e10");
    assertThat(e1.writerId(3, 4)).isNotEqualTo(e1Again.writerId(3, 4));
    // Epoch 10's files are not epoch 1's although their names start alike.
    assertThat(e10.writerId(0, 0)).doesNotStartWith(e1.job() + "-p");
  }
}
