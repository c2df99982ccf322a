package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;
  private final LocalFileStorage storage = new LocalFileStorage();

  private CheckpointStore store() {
    return new CheckpointStore(storage, dir.resolve("ckpt").toString());
  }

  static JobManifest manifest(String index) {
    return new JobManifest(
        "parquet:/data/events",
        index,
        "field:event_id",
        Map.of("es.write.operation", "index", "schema", "struct<event_id:string>"),
        T0,
        "0.1.0",
        4);
  }

  static PartitionCheckpoint progress(int partition, long rows, boolean complete) {
    List<PartitionCheckpoint.Segment> segments =
        rows == 0
            ? List.of()
            : List.of(
                new PartitionCheckpoint.Segment("ae6f71adeac494de", 1),
                new PartitionCheckpoint.Segment("e3b0c44298fc1c14", 0));
    return new PartitionCheckpoint(
        partition, 8, rows, 10, segments, complete, "q-p00003-t7", T0.plusSeconds(5));
  }

  @Test
  void writesAndReadsEveryKindOwnerOnly() throws Exception {
    CheckpointStore store = store();
    assertThat(store.readManifest()).isEmpty();
    assertThat(store.readPartition(3)).isEmpty();
    assertThat(store.readFinished()).isEmpty();

    store.writeManifest(manifest("events"));
    store.writePartition(progress(3, 17, false));
    store.writeFinished(new JobFinished(T0.plusSeconds(60), 4, 1000, 2));

    assertThat(store.readManifest()).contains(manifest("events"));
    assertThat(store.readPartition(3)).contains(progress(3, 17, false));
    assertThat(store.readPartition(3).orElseThrow().deadLettered()).isEqualTo(1);
    assertThat(store.readFinished()).contains(new JobFinished(T0.plusSeconds(60), 4, 1000, 2));
    assertThat(store.readPartitions()).containsExactly(progress(3, 17, false));

    Path file = Path.of(store.partitionLocation(3));
    assertThat(file).isEqualTo(dir.resolve("ckpt/partitions/part-00003.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String json = Files.readString(file);
    assertThat(json)
        .contains("\"format\" : \"sluice-checkpoint\"")
        .contains("\"kind\" : \"partition\"")
        .contains("\"version\" : 2")
        .contains("\"partitions\" : 8")
        .contains("\"rows\" : 17")
        .contains("\"sha256\" : \"");
  }

  @Test
  void aTemporaryFileLeftByACrashLeavesTheOldContentInForce() throws Exception {
    CheckpointStore store = store();
    store.writePartition(progress(3, 17, false));
    // A crash between "write temp" and "rename": the temp file holds part of newer progress.
    Path partitions = dir.resolve("ckpt/partitions");
    byte[] newer = CheckpointCodec.encode(progress(3, 20, true));
    Path leftover = partitions.resolve(".part-00003.json.8237461.tmp");
    Files.write(leftover, java.util.Arrays.copyOf(newer, newer.length / 2));

    assertThat(store.readPartition(3)).contains(progress(3, 17, false));
    assertThat(store.readPartitions()).containsExactly(progress(3, 17, false));

    store.writePartition(progress(3, 20, true));
    assertThat(store.readPartition(3)).contains(progress(3, 20, true));
    // The writer's own temp file is gone; only the crash's remains.
    try (var files = Files.list(partitions)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("part-00003.json", ".part-00003.json.8237461.tmp");
    }
  }

  @Test
  void aTruncatedFileIsCorruptNamingThePathAndTheRecovery() throws Exception {
    CheckpointStore store = store();
    store.writePartition(progress(3, 17, false));
    Path file = Path.of(store.partitionLocation(3));
    byte[] bytes = Files.readAllBytes(file);
    for (int keep : new int[] {0, 1, bytes.length / 2, bytes.length - 3}) {
      Files.write(file, java.util.Arrays.copyOf(bytes, keep));
      assertThatThrownBy(() -> store.readPartition(3))
          .as("kept %d of %d bytes", keep, bytes.length)
          .isInstanceOf(CheckpointCorruptException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("Delete this file to send partition 3 again")
          .hasMessageContaining("sluice.checkpoint.force")
          .extracting(e -> ((CheckpointCorruptException) e).path())
          .isEqualTo(file.toString());
    }
  }

  @Test
  void everySingleBitFlipIsDetectedOrHarmless() throws Exception {
    CheckpointStore store = store();
    PartitionCheckpoint original = progress(3, 17, false);
    store.writePartition(original);
    Path file = Path.of(store.partitionLocation(3));
    byte[] bytes = Files.readAllBytes(file);
    int detected = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte[] damaged = bytes.clone();
      damaged[i] ^= 0x01;
      Files.write(file, damaged);
      try {
        // Only a flip that changes no value may pass, and then it must read back unchanged.
        assertThat(store.readPartition(3)).as("flip at byte %d", i).contains(original);
      } catch (CheckpointCorruptException e) {
        detected++;
      }
    }
    assertThat(detected).isGreaterThan(bytes.length * 9 / 10);
  }

  @Test
  void aChangedValueFailsTheChecksum() throws Exception {
    CheckpointStore store = store();
    store.writePartition(progress(3, 17, false));
    Path file = Path.of(store.partitionLocation(3));
    String json = Files.readString(file);
    Files.writeString(file, json.replace("\"rows\" : 17", "\"rows\" : 18"));
    assertThatThrownBy(() -> store.readPartition(3))
        .isInstanceOf(CheckpointCorruptException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void anUnknownVersionIsRefusedNotGuessed() throws Exception {
    CheckpointStore store = store();
    store.writeManifest(manifest("events"));
    Path file = Path.of(store.manifestLocation());
    Files.writeString(file, Files.readString(file).replace("\"version\" : 2", "\"version\" : 3"));
    assertThatThrownBy(store::readManifest)
        .isInstanceOf(CheckpointCorruptException.class)
        .hasMessageContaining("unknown format version 3")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("Delete the directory");
  }

  @Test
  void aFileOfAnotherKindOrPartitionIsRefused() throws Exception {
    CheckpointStore store = store();
    store.writePartition(progress(3, 17, false));
    Files.copy(Path.of(store.partitionLocation(3)), Path.of(store.partitionLocation(4)));
    assertThatThrownBy(() -> store.readPartition(4))
        .isInstanceOf(CheckpointCorruptException.class)
        .hasMessageContaining("records partition 3, not 4");
    Files.copy(Path.of(store.partitionLocation(3)), Path.of(store.manifestLocation()));
    assertThatThrownBy(store::readManifest)
        .isInstanceOf(CheckpointCorruptException.class)
        .hasMessageContaining("expected a manifest file");
    Files.writeString(Path.of(store.finishedLocation()), "{\"hello\":1}", StandardCharsets.UTF_8);
    assertThatThrownBy(store::readFinished)
        .isInstanceOf(CheckpointCorruptException.class)
        .hasMessageContaining("not a Sluice checkpoint file");
  }

  @Test
  void forceTreatsAnUnreadablePartitionFileAsAbsent() throws Exception {
    CheckpointStore store = store();
    store.writePartition(progress(3, 17, false));
    Files.writeString(Path.of(store.partitionLocation(3)), "{\"format\":");
    assertThatThrownBy(() -> store.readPartitionToResume(3, false))
        .isInstanceOf(CheckpointCorruptException.class);
    assertThat(store.readPartitionToResume(3, true)).isEmpty();
  }

  @Test
  void filesOfTheFirstVersionAreReadWithAnUnknownSplit() throws Exception {
    CheckpointStore store = store();
    store.writeManifest(manifest("events"));
    store.writePartition(progress(3, 17, true));
    for (String location : List.of(store.manifestLocation(), store.partitionLocation(3))) {
      ObjectNode n = (ObjectNode) new ObjectMapper().readTree(Path.of(location).toFile());
      n.remove("sha256");
      n.remove("partitions");
      n.put("version", 1);
      Files.write(Path.of(location), CheckpointJson.seal(n));
    }
    assertThat(store.readManifest().orElseThrow().partitions())
        .isEqualTo(PartitionCheckpoint.UNKNOWN_SPLIT);
    PartitionCheckpoint old = store.readPartition(3).orElseThrow();
    assertThat(old.partitions()).isEqualTo(PartitionCheckpoint.UNKNOWN_SPLIT);
    assertThat(old.rows()).isEqualTo(17);
  }
}
