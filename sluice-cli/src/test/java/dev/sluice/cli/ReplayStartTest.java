package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Attempt;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayStartTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "cut off before {0}, replayed before {1} -> {2}")
  @CsvSource({
    "false, false, FIRST", // the set's first replay
    "true,  false, REPLAY", // an earlier one was cut off after it may have sent documents
    "false, true,  REPLAY", // --force after one that finished
    "true,  true,  REPLAY",
  })
  void anEarlierReplayThatMayHaveSentDocumentsMakesThisOneAReplay(
      boolean cutOff, boolean replayed, Attempt expected) {
    assertThat(ReplayStart.attempt(cutOff, replayed)).isEqualTo(expected);
  }

  @Test
  void itIsFoundUntilTheReplayFinished() {
    assertThat(ReplayStart.find(dir)).isEmpty();
    ReplayStart start = new ReplayStart("2026-12-01T04:00:00Z", "into");
    start.write(dir);
    assertThat(ReplayStart.find(dir)).contains(start);
    ReplayStart.finished(dir);
    assertThat(ReplayStart.find(dir)).isEmpty();
    ReplayStart.finished(dir); // nothing to remove: no error
  }
}
