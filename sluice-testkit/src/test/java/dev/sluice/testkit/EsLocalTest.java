package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsLocalTest {
  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final EsLocal esLocal =
      new EsLocal(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void parsesOptions() {
    EsLocal.Options options =
        EsLocal.Options.parse(
            List.of("--port", "9400", "--heap", "1g", "--setting", "a.b=c=d", "--state-dir", "/s"));
    assertThat(options.port).contains(9400);
    assertThat(options.heap).isEqualTo("1g");
    assertThat(options.settings).containsExactly("a.b=c=d");
    assertThat(options.stateFile()).isEqualTo(Path.of("/s/es-local.json"));
  }

  @Test
  void rejectsBadOptionsByName() {
    assertThatThrownBy(() -> EsLocal.Options.parse(List.of("--port", "x")))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> EsLocal.Options.parse(List.of("--setting", "novalue")))
        .hasMessageContaining("--setting");
    assertThatThrownBy(() -> EsLocal.Options.parse(List.of("--heap")))
        .hasMessageContaining("--heap needs a value");
    assertThatThrownBy(() -> EsLocal.Options.parse(List.of("--what")))
        .hasMessageContaining("--what");
  }

  @Test
  void statusWithoutANodeSaysNotRunning() {
    int exit = esLocal.run(new String[] {"status", "--state-dir", temp.toString()});
    assertThat(exit).isEqualTo(EsLocal.EXIT_NOT_RUNNING);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("not running");
  }

  @Test
  void aStaleStateFileIsIgnoredAndRemoved() {
    new DetachedState(
            ProcessHandle.current().pid(),
            java.util.Optional.of(java.time.Instant.EPOCH),
            "http://127.0.0.1:1",
            temp)
        .write(temp.resolve("es-local.json"));
    assertThat(esLocal.run(new String[] {"stop", "--state-dir", temp.toString()}))
        .isEqualTo(EsLocal.EXIT_OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("not running");
    assertThat(temp.resolve("es-local.json")).doesNotExist();
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(esLocal.run(new String[] {"restart"})).isEqualTo(EsLocal.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'restart'");
  }
}
