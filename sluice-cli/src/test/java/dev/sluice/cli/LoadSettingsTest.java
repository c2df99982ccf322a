package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadSettingsTest {
  @TempDir Path out;

  private LoadSettings settings(RunDirectory run, String... args) {
    LoadCommand command = new LoadCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings(run);
  }

  @Test
  void defaultsLiveInTheRunDirectoryAndOptionsWin() {
    RunDirectory run = RunDirectory.create(out, "orders", Instant.parse("2026-11-30T10:15:00Z"));
    assertThat(run.path()).isEqualTo(out.resolve("orders-20261130-101500").toAbsolutePath());
    LoadSettings s =
        settings(
            run,
            "--input",
            "data/orders.json",
            "--index",
            "orders",
            "--id-field",
            "order_id",
            "-o",
            "es.batch.size.entries=5000",
            "-o",
            "sluice.checkpoint.input=orders-2026-11");
    Map<String, String> options = s.connectorOptions();
    assertThat(options)
        .containsEntry("es.nodes", "http://127.0.0.1:9200")
        .containsEntry("es.resource", "orders")
        .containsEntry("es.mapping.id", "order_id")
        .containsEntry("sluice.checkpoint.path", run.path().resolve("checkpoint").toString())
        .containsEntry("sluice.deadletter.path", run.path().resolve("deadletter").toString())
        .containsEntry("sluice.report.path", run.path().resolve("report.json").toString())
        .containsEntry("es.batch.size.entries", "5000")
        .containsEntry("sluice.checkpoint.input", "orders-2026-11");
    assertThat(s.inputs()).containsExactly(Path.of("data/orders.json").toAbsolutePath().toString());
    assertThat(s.format()).isEqualTo("json");
  }

  @Test
  void aSecondRunInTheSameSecondGetsItsOwnDirectory() {
    Instant now = Instant.parse("2026-11-30T10:15:00Z");
    RunDirectory first = RunDirectory.create(out, "orders", now);
    RunDirectory second = RunDirectory.create(out, "orders", now);
    assertThat(second.path()).isNotEqualTo(first.path()).hasFileName("orders-20261130-101500-2");
  }

  @Test
  void recordedAndReadBackForResumeWithLocationsGivenAsOptions() {
    RunDirectory run = RunDirectory.create(out, "orders", Instant.now());
    LoadSettings s =
        settings(
            run,
            "--input",
            "a.csv",
            "b.csv",
            "--index",
            "orders",
            "--es",
            "http://a:9200",
            "http://b:9200",
            "--read-option",
            "sep=;",
            "-o",
            "sluice.deadletter.path=dl",
            "-o",
            "es.net.http.auth.pass=env:ES_PASSWORD");
    run.writeSettings(s);
    LoadSettings back = RunDirectory.find(run.path().resolve("checkpoint")).readSettings();
    assertThat(back).isEqualTo(s);
    assertThat(back.deadLetters()).isEqualTo(Path.of("dl").toAbsolutePath().toString());
    assertThat(back.connectorOptions())
        .containsEntry("es.nodes", "http://a:9200,http://b:9200")
        .containsEntry("sluice.deadletter.path", back.deadLetters())
        .containsEntry("es.net.http.auth.pass", "env:ES_PASSWORD");
    assertThat(back.withOptions(Map.of("sluice.deadletter.max.count", "9")).connectorOptions())
        .containsEntry("sluice.deadletter.max.count", "9");
  }

  @Test
  void aLiteralSecretIsNeverRecorded() throws Exception {
    RunDirectory run = RunDirectory.create(out, "orders", Instant.now());
    LoadSettings literal =
        settings(run, "--input", "a.json", "--index", "o", "-o", "es.net.http.auth.pass=hunter2");
    assertThatThrownBy(literal::refuseLiteralSecrets)
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("es.net.http.auth.pass holds a secret")
        .hasMessageContaining("env:")
        .hasMessageNotContaining("hunter2");
    LoadSettings inUrl =
        settings(run, "--input", "a.json", "--index", "o", "--es", "https://bob:hunter2@es:9200");
    assertThatThrownBy(inUrl::refuseLiteralSecrets)
        .isInstanceOf(UsageException.class)
        .hasMessageNotContaining("hunter2");
    settings(run, "--input", "a.json", "--index", "o", "-o", "sluice.auth.api.key=file:/k")
        .refuseLiteralSecrets();
    assertThat(Files.exists(run.path().resolve(RunDirectory.SETTINGS))).isFalse();
  }

  @Test
  void aDirectoryWithoutSettingsIsNotARun() {
    assertThatThrownBy(() -> RunDirectory.find(out))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not a run directory of sluice load");
  }
}
