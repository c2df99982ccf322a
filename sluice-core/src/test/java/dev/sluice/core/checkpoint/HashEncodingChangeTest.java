package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.id.HashEncoding;
import dev.sluice.core.id.IdStrategy;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint of content-hash ids in one encoding, resumed by a run in another: refused, naming
 * the checkpoint and the option value that resumes it exactly; resumed when the encodings agree.
 */
class HashEncodingChangeTest {
  /** What a Sluice that wrote hex ids only recorded in its manifests. */
  private static final String OLD_HEX = "content-sha256";

  @TempDir Path dir;

  private CheckpointStore store() {
    return new CheckpointStore(new LocalFileStorage(), dir.resolve("ckpt").toString());
  }

  private static JobManifest manifest(String idStrategy) {
    return new JobManifest(
        "parquet:/data/events",
        "events",
        idStrategy,
        Map.of("es.write.operation", "index"),
        Instant.parse("2026-03-01T10:00:00Z"),
        "0.1.0",
        4);
  }

  @Test
  void anOldHexCheckpointIsRefusedByTheDefaultEncodingNamingPathAndOption() throws Exception {
    JobCheckpoint.begin(store(), manifest(OLD_HEX), true, false);
    assertThat(Files.readString(Path.of(store().manifestLocation()), StandardCharsets.UTF_8))
        .contains("\"content-sha256\"");
    String run = IdStrategy.contentHash().describe();
    assertThat(run).isNotEqualTo(OLD_HEX);

    for (boolean force : new boolean[] {false, true}) {
      assertThatThrownBy(() -> JobCheckpoint.begin(store(), manifest(run), true, force))
          .as("force=%s", force)
          .isInstanceOf(CheckpointMismatchException.class)
          .hasMessageContaining("Checkpoint at " + store().location())
          .hasMessageContaining("written as hex (content-sha256)")
          .hasMessageContaining("Resume it with sluice.id.hash.encoding=hex")
          .hasMessageContaining("delete " + store().location());
    }
    assertThat(store().readManifest()).contains(manifest(OLD_HEX)); // left as it was
  }

  @Test
  void theHexEncodingResumesAnOldCheckpoint() {
    JobCheckpoint.begin(store(), manifest(OLD_HEX), true, false);
    String hex = IdStrategy.contentHash(HashEncoding.HEX).describe();
    assertThat(JobCheckpoint.begin(store(), manifest(hex), true, false).status())
        .isEqualTo(JobCheckpoint.Status.RESUMING);
  }

  @Test
  void theSameNewEncodingResumesAndOtherStrategiesKeepTheGeneralMessage() {
    String b64 = IdStrategy.contentHash(HashEncoding.BASE64URL).describe();
    JobCheckpoint.begin(store(), manifest(b64), true, false);
    assertThat(JobCheckpoint.begin(store(), manifest(b64), true, false).status())
        .isEqualTo(JobCheckpoint.Status.RESUMING);
    assertThatThrownBy(
            () ->
                JobCheckpoint.begin(
                    store(),
                    manifest(IdStrategy.contentHash(HashEncoding.BASE64URL_128).describe()),
                    true,
                    false))
        .hasMessageContaining("written as base64url (content-sha256-base64url)")
        .hasMessageContaining("sluice.id.hash.encoding=base64url");
    assertThatThrownBy(() -> JobCheckpoint.begin(store(), manifest("field:event_id"), true, false))
        .hasMessageContaining("it was written with id strategy " + b64)
        .hasMessageContaining("sluice.checkpoint.force=true");
  }
}
