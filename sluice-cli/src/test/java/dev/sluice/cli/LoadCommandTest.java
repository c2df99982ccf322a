package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadCommandTest {
  private static Map<String, String> options(String... args) {
    LoadCommand command = new LoadCommand();
    new CommandLine(command).parseArgs(args);
    return command.connectorOptions();
  }

  @Test
  void checkpointNamesTheDirectoryAndTheInput() {
    Map<String, String> options =
        options("--input", "data/orders.json", "--index", "orders", "--checkpoint", "ck");
    assertThat(options)
        .containsEntry("sluice.checkpoint.path", Path.of("ck").toAbsolutePath().toString())
        .containsEntry(
            "sluice.checkpoint.input", "json:" + Path.of("data/orders.json").toAbsolutePath());
  }

  @Test
  void uriLocationsAreKeptAsGivenAndOptionsWin() {
    Map<String, String> options =
        options(
            "--input", "s3a://bucket/orders",
            "--format", "parquet",
            "--index", "orders",
            "--checkpoint", "s3a://bucket/ck",
            "-o", "sluice.checkpoint.input=orders-2026-11");
    assertThat(options)
        .containsEntry("sluice.checkpoint.path", "s3a://bucket/ck")
        .containsEntry("sluice.checkpoint.input", "orders-2026-11");
  }

  @Test
  void withoutCheckpointThereIsNone() {
    assertThat(options("--input", "x", "--index", "orders"))
        .doesNotContainKey("sluice.checkpoint.path")
        .containsEntry("es.resource", "orders");
  }
}
