package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetachedStateTest {
  @TempDir Path temp;

  @Test
  void roundTripsThroughItsFile() {
    DetachedState state =
        new DetachedState(
            4242,
            Optional.of(Instant.parse("2025-01-02T03:04:05.678Z")),
            "http://127.0.0.1:9200",
            Path.of("/var/tmp/sluice-es/nodes/\"odd\\dir"));
    Path file = temp.resolve("es-local.json");
    state.write(file);
    assertThat(DetachedState.read(file)).contains(state);
  }

  @Test
  void aMissingFileMeansNoNode() {
    assertThat(DetachedState.read(temp.resolve("none.json"))).isEmpty();
  }

  @Test
  void parsesWithoutStartTime() {
    DetachedState state =
        DetachedState.parse(
            "{\"version\":1,\"pid\":7,\"startedAt\":\"\",\"url\":\"http://h:1\",\"nodeDirectory\":\"/n\"}");
    assertThat(state.pid()).isEqualTo(7);
    assertThat(state.startedAt()).isEmpty();
  }

  @Test
  void rejectsAnUnknownVersionAndMissingFields() {
    assertThatThrownBy(() -> DetachedState.parse("{\"version\":2,\"pid\":1}"))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> DetachedState.parse("{\"version\":1,\"pid\":1}"))
        .hasMessageContaining("'url'");
  }

  @Test
  void aRecordedPidThatIsNotElasticsearchIsNotFound() {
    ProcessHandle self = ProcessHandle.current();
    DetachedState state =
        new DetachedState(self.pid(), self.info().startInstant(), "http://x", Path.of("/n"));
    // This JVM is alive but is not Elasticsearch (unless its command line mentions it).
    boolean mentions = self.info().commandLine().orElse("").contains("elasticsearch");
    assertThat(DetachedNode.find(state).isPresent()).isEqualTo(mentions);
    DetachedState otherStart =
        new DetachedState(self.pid(), Optional.of(Instant.EPOCH), "http://x", Path.of("/n"));
    assertThat(DetachedNode.find(otherStart)).isEmpty();
  }
}
