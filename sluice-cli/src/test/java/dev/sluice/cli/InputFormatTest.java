package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFormatTest {
  @TempDir Path dir;

  @Test
  void guessedFromTheNames() throws Exception {
    assertThat(InputFormat.of(null, List.of("a.json", "b.ndjson.gz", "c.jsonl"))).isEqualTo("json");
    assertThat(InputFormat.of(null, List.of("x.CSV"))).isEqualTo("csv");
    Files.createFile(dir.resolve("_SUCCESS"));
    Files.createFile(dir.resolve("part-00000.snappy.parquet"));
    assertThat(InputFormat.of(null, List.of(dir.toString()))).isEqualTo("parquet");
    assertThat(InputFormat.of("ORC", List.of("anything"))).isEqualTo("orc");
  }

  @Test
  void unknownOrMixedNamesNeedFormat() {
    assertThatThrownBy(() -> InputFormat.of(null, List.of("data.txt")))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "Cannot tell the format of data.txt from its name: give --format json, csv,"
                + " parquet or orc.");
    assertThatThrownBy(() -> InputFormat.of(null, List.of("a.json", "b.csv")))
        .hasMessageContaining("b.csv");
    assertThatThrownBy(() -> InputFormat.of("avro", List.of("a.avro")))
        .hasMessage("--format must be json, csv, parquet or orc, not 'avro'.");
  }
}
