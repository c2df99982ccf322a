package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.PartitionCheckpoint;
import dev.sluice.core.checkpoint.PartitionCheckpoint.Segment;
import dev.sluice.core.storage.LocalFileStorage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointProgressTest {
  @TempDir java.nio.file.Path dir;

  private static PartitionCheckpoint partition(int n, long rows, long... deadPerSegment) {
    List<Segment> segments =
        java.util.Arrays.stream(deadPerSegment).mapToObj(d -> new Segment("f", d)).toList();
    return new PartitionCheckpoint(n, 2, rows, 10, segments, false, "w", Instant.EPOCH);
  }

  @Test
  void sumsWhatEveryPartitionRecordedAndKeepsTheLastFiguresMeanwhile() {
    CheckpointProgress progress = new CheckpointProgress(dir.resolve("ck").toString());
    assertThat(progress.get()).isEqualTo(CheckpointProgress.Settled.NONE);

    CheckpointStore store =
        new CheckpointStore(new LocalFileStorage(), dir.resolve("ck").toString());
    store.writePartition(partition(0, 15, 1, 2));
    store.writePartition(partition(1, 7, 0));
    assertThat(progress.get()).isEqualTo(new CheckpointProgress.Settled(22, 3));
  }

  @Test
  void aCheckpointElsewhereThanOnThisDiskIsNotRead() {
    assertThat(new CheckpointProgress("s3a://bucket/ck").get())
        .isEqualTo(CheckpointProgress.Settled.NONE);
  }
}
