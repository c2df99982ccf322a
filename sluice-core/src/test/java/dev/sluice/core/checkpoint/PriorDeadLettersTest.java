package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.deadletter.NdjsonDeadLetterStore;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriorDeadLettersTest {
  @TempDir Path dir;
  private final LocalFileStorage storage = new LocalFileStorage();

  private void deadLetter(String writerId, String id, String position) throws Exception {
    NdjsonDeadLetterStore store =
        new NdjsonDeadLetterStore(storage, dir.resolve("dead").toString(), writerId, 10);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    store.write(
        new DeadLetterRecord(
            1,
            "idx",
            id,
            "index",
            400,
            "mapper_parsing_exception",
            "bad",
            1,
            t,
            t,
            position,
            writerId,
            null));
    store.close();
  }

  @Test
  void findsTheRowsOfItsPartitionByPositionAndId() throws Exception {
    CheckpointStore checkpoint = new CheckpointStore(storage, dir.resolve("ckpt").toString());
    deadLetter(checkpoint.writerId(3, 0), "a", "partition 3 row 7");
    deadLetter(checkpoint.writerId(3, 12), "b", "partition 3 row 900");
    deadLetter(checkpoint.writerId(3, 0), null, "partition 3 row 950"); // generated ids
    deadLetter(checkpoint.writerId(4, 1), "c", "partition 4 row 1"); // another partition
    // Same partition number, another job (another checkpoint directory).
    deadLetter(
        new CheckpointStore(storage, dir.resolve("other").toString()).writerId(3, 0),
        "d",
        "partition 3 row 8");

    PriorDeadLetters prior =
        PriorDeadLetters.read(
            storage, dir.resolve("dead").toString(), checkpoint.writerIdPrefix(3));

    assertThat(prior.size()).isEqualTo(3);
    assertThat(prior.contains("partition 3 row 7", "a")).isTrue();
    assertThat(prior.contains("partition 3 row 900", "b")).isTrue();
    assertThat(prior.contains("partition 3 row 950", null)).isTrue();
    // The row at a position is another document now: send it.
    assertThat(prior.contains("partition 3 row 7", "a2")).isFalse();
    assertThat(prior.contains("partition 4 row 1", "c")).isFalse();
    assertThat(prior.contains("partition 3 row 8", "d")).isFalse();
  }

  @Test
  void theTagIsTheSameForTheSameDirectoryOnly() {
    String location = dir.resolve("ckpt").toString();
    String a = new CheckpointStore(storage, location).writerId(3, 5);
    assertThat(new CheckpointStore(storage, location).writerId(3, 5)).isEqualTo(a);
    assertThat(a).matches("ck[0-9a-f]{8}-p00003-t5");
    assertThat(new CheckpointStore(storage, location + "2").writerIdPrefix(3))
        .isNotEqualTo(new CheckpointStore(storage, location).writerIdPrefix(3));
  }

  @Test
  void noDirectoryMeansNothing() throws Exception {
    assertThat(PriorDeadLetters.read(storage, dir.resolve("none").toString(), "ck").size())
        .isZero();
    assertThat(Files.exists(dir.resolve("none"))).isFalse();
  }
}
