package dev.sluice.core.checkpoint;

import static dev.sluice.core.checkpoint.CheckpointStoreTest.manifest;
import static dev.sluice.core.checkpoint.CheckpointStoreTest.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCheckpointTest {
  @TempDir Path dir;
  private CheckpointStore store;

  private CheckpointStore store() {
    if (store == null) {
      store = new CheckpointStore(new LocalFileStorage(), dir.resolve("ckpt").toString());
    }
    return store;
  }

  @Test
  void aNewJobWritesItsManifestAndTheSameJobResumes() {
    JobCheckpoint.Start first = JobCheckpoint.begin(store(), manifest("events"), true, false);
    assertThat(first.status()).isEqualTo(JobCheckpoint.Status.NEW);
    assertThat(store().readManifest()).contains(manifest("events"));

    JobCheckpoint.Start again = JobCheckpoint.begin(store(), manifest("events"), true, false);
    assertThat(again.status()).isEqualTo(JobCheckpoint.Status.RESUMING);
    assertThat(again.message()).doesNotContain("twice");
  }

  @Test
  void anotherIndexIsRefusedNamingBothAndTheWayOut() {
    JobCheckpoint.begin(store(), manifest("events"), true, false);
    assertThatThrownBy(() -> JobCheckpoint.begin(store(), manifest("events-v2"), true, false))
        .isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining("Checkpoint at " + store().location())
        .hasMessageContaining("it was written for index [events]; this run targets [events-v2]")
        .hasMessageContaining("sluice.checkpoint.force=true");
    assertThat(store().readManifest()).contains(manifest("events"));
  }

  @Test
  void changedIdStrategyInputOrOutputOptionsAreRefused() {
    JobCheckpoint.begin(store(), manifest("events"), true, false);
    JobManifest other =
        new JobManifest(
            "parquet:/data/other",
            "events",
            "content-sha256",
            Map.of("es.write.operation", "create", "schema", "struct<event_id:string>"),
            Instant.parse("2026-03-02T00:00:00Z"),
            "0.2.0");
    assertThatThrownBy(() -> JobCheckpoint.begin(store(), other, true, false))
        .isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining(
            "it was written with id strategy field:event_id; this run uses content-sha256")
        .hasMessageContaining(
            "it was written for input parquet:/data/events; this run reads parquet:/data/other")
        .hasMessageContaining("option es.write.operation was 'index'; this run has 'create'")
        .hasMessageNotContaining("0.2.0"); // the tool version is never compared
  }

  @Test
  void forceResumesAnotherJobAndRecordsTheNewManifest() {
    JobCheckpoint.begin(store(), manifest("events"), true, false);
    JobCheckpoint.Start forced = JobCheckpoint.begin(store(), manifest("events-v2"), true, true);
    assertThat(forced.status()).isEqualTo(JobCheckpoint.Status.RESUMING);
    assertThat(store().readManifest()).contains(manifest("events-v2"));
  }

  @Test
  void aFinishedJobDoesNothingAndSaysSo() {
    JobCheckpoint.begin(store(), manifest("events"), true, false);
    store().writeFinished(new JobFinished(Instant.parse("2026-03-01T11:00:00Z"), 4, 1000, 2));
    JobCheckpoint.Start start = JobCheckpoint.begin(store(), manifest("events"), true, false);
    assertThat(start.status()).isEqualTo(JobCheckpoint.Status.FINISHED);
    assertThat(start.message())
        .contains("already finished at 2026-03-01T11:00:00Z")
        .contains("1000 rows")
        .contains("nothing to do");
  }

  @Test
  void resumingWithGeneratedIdsWarnsOfDuplicates() {
    JobCheckpoint.begin(store(), manifest("events"), false, false);
    assertThat(JobCheckpoint.begin(store(), manifest("events"), false, false).message())
        .contains("may now exist twice");
  }

  @Test
  void aCorruptOrMissingManifestStopsUnlessForced() throws Exception {
    JobCheckpoint.begin(store(), manifest("events"), true, false);
    store().writePartition(progress(3, 17, false));
    Path manifestFile = Path.of(store().manifestLocation());
    Files.writeString(manifestFile, "{\"format\":\"sluice-checkpoint\",\"kind\":\"man");
    assertThatThrownBy(() -> JobCheckpoint.begin(store(), manifest("events"), true, false))
        .isInstanceOf(CheckpointCorruptException.class)
        .hasMessageContaining(manifestFile.toString());

    Files.delete(manifestFile);
    assertThatThrownBy(() -> JobCheckpoint.begin(store(), manifest("events"), true, false))
        .isInstanceOf(CheckpointCorruptException.class)
        .hasMessageContaining("it is missing, but")
        .hasMessageContaining("partition progress files");

    JobCheckpoint.Start forced = JobCheckpoint.begin(store(), manifest("events"), true, true);
    assertThat(forced.status()).isEqualTo(JobCheckpoint.Status.RESUMING);
    assertThat(store().readManifest()).contains(manifest("events"));
  }

  @Test
  void anotherSplitOfTheInputResumesTrustingNoPartitionProgress() {
    JobCheckpoint.begin(store(), manifest("events"), true, false); // 4 partitions
    JobCheckpoint.Start resplit =
        JobCheckpoint.begin(store(), manifest("events").withPartitions(2), true, false);
    assertThat(resplit.status()).isEqualTo(JobCheckpoint.Status.RESUMING);
    assertThat(resplit.message())
        .contains("split into 4 partitions then and into 2 now")
        .contains("every row is sent again");
    assertThat(store().readManifest().orElseThrow().partitions()).isEqualTo(2);

    JobCheckpoint.Start same =
        JobCheckpoint.begin(store(), manifest("events").withPartitions(2), true, false);
    assertThat(same.message()).doesNotContain("sent again");
  }

  @Test
  void aManifestThatDoesNotKnowItsSplitTrustsNoPartitionProgress() {
    JobCheckpoint.begin(
        store(), manifest("events").withPartitions(PartitionCheckpoint.UNKNOWN_SPLIT), true, false);
    JobCheckpoint.Start start = JobCheckpoint.begin(store(), manifest("events"), true, false);
    assertThat(start.message())
        .contains("did not record how the input was split")
        .contains("every row is sent again");
  }

  @Test
  void theFinishedTotalsCountOnlyTheProgressOfThisSplit() {
    store().writePartition(progress(0, 17, true)); // recorded under 8 partitions
    store().writePartition(progress(1, 17, true));
    store().writePartition(progress(5, 17, true));
    assertThat(JobCheckpoint.finish(store(), 8, Instant.EPOCH).rows()).isEqualTo(51);
    assertThat(JobCheckpoint.finish(store(), 2, Instant.EPOCH).rows()).isZero();
    assertThat(store().readFinished().orElseThrow().partitions()).isEqualTo(2);
  }
}
